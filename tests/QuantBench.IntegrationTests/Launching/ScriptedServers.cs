namespace QuantBench.IntegrationTests.Launching;

/// <summary>Stand-in servers for the launcher's tests: small scripts, loopback only, each bounded in time.</summary>
internal static class ScriptedServers
{
    /// <summary>python3, which the answering stand-in needs; the tests that use it skip without it.</summary>
    internal static string? Python3 { get; } = FindOnPath("python3");

    /// <summary>
    /// A Python HTTP server that answers 200 on /health, allocates and touches <c>{mib}</c> MiB first,
    /// and exits by itself after 120 s so that no failed test leaves it behind for long.
    /// </summary>
    internal const string HealthServerSource = """
        import http.server, sys, threading
        port, mib = int(sys.argv[1]), int(sys.argv[2])
        block = bytearray(mib * 1024 * 1024)
        for i in range(0, len(block), 4096): block[i] = 1
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                code = 200 if self.path in ('/health', '/v1/models') else 404
                self.send_response(code); self.send_header('Content-Length', '2'); self.end_headers(); self.wfile.write(b'{}')
            def log_message(self, *args): print('request', self.path, flush=True)
        server = http.server.HTTPServer(('127.0.0.1', port), Handler)
        threading.Timer(120, server.shutdown).start()
        print('listening on', port, flush=True)
        server.serve_forever()
        """;

    /// <summary>Writes the health server to a temporary file and returns its path.</summary>
    internal static string WriteHealthServer()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("quantbench-launch-").FullName, "server.py");
        File.WriteAllText(path, HealthServerSource);
        return path;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
