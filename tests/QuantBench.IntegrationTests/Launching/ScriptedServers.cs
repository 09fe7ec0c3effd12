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

    /// <summary>
    /// A Python stand-in for an OpenAI-compatible server: /health, /tokenize and /detokenize (one token per
    /// character, its code), and streamed /v1/completions that send max_tokens chunks {delay} seconds apart, then
    /// usage; a third argument naming a file that holds a number sets the delay instead (a "model" of its own speed).
    /// It logs each prompt's form ("prompt ids N" or "prompt text N") and exits by itself after 120 s.
    /// </summary>
    internal const string CompletionsServerSource = """
        import http.server, json, sys, threading, time
        port, delay = int(sys.argv[1]), float(sys.argv[2])
        try: delay = float(open(sys.argv[3]).read())
        except (IndexError, OSError, ValueError, UnicodeDecodeError): pass
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = 'HTTP/1.1'
            def reply(self, code, body):
                data = json.dumps(body).encode()
                self.send_response(code); self.send_header('Content-Type', 'application/json'); self.send_header('Content-Length', str(len(data))); self.end_headers(); self.wfile.write(data)
            def do_GET(self):
                self.reply(200 if self.path in ('/health', '/v1/models') else 404, {'data': []})
            def read_body(self):
                if self.headers['Content-Length'] is not None: return self.rfile.read(int(self.headers['Content-Length']))
                data = b''
                while True:
                    size = int(self.rfile.readline().strip(), 16)
                    chunk = self.rfile.read(size + 2)
                    if size == 0: return data
                    data += chunk[:-2]
            def do_POST(self):
                body = json.loads(self.read_body())
                if self.path == '/tokenize': return self.reply(200, {'tokens': [ord(c) for c in body['content']]})
                if self.path == '/detokenize': return self.reply(200, {'content': ''.join(chr(t) for t in body['tokens'])})
                if self.path != '/v1/completions': return self.reply(404, {})
                prompt = body['prompt']
                ids = isinstance(prompt, list)
                if ids and not all(isinstance(t, int) for t in prompt): return self.reply(400, {'error': 'bad prompt'})
                print('prompt', 'ids' if ids else 'text', len(prompt), flush=True)
                self.send_response(200); self.send_header('Content-Type', 'text/event-stream'); self.send_header('Connection', 'close'); self.end_headers()
                n = body['max_tokens']
                for i in range(n):
                    time.sleep(delay)
                    self.wfile.write(b'data: {"choices":[{"index":0,"text":"x"}]}\n\n'); self.wfile.flush()
                usage = {'choices': [], 'usage': {'prompt_tokens': len(prompt), 'completion_tokens': n, 'total_tokens': len(prompt) + n}}
                self.wfile.write(('data: ' + json.dumps(usage) + '\n\ndata: [DONE]\n\n').encode()); self.wfile.flush()
                self.close_connection = True
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(('127.0.0.1', port), Handler)
        threading.Timer(120, server.shutdown).start()
        print('listening on', port, flush=True)
        server.serve_forever()
        """;

    /// <summary>Writes the completions stand-in to a temporary file and returns its path.</summary>
    internal static string WriteCompletionsServer()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("quantbench-launch-").FullName, "completions.py");
        File.WriteAllText(path, CompletionsServerSource);
        return path;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
