namespace QuantBench.IntegrationTests.Serving;

/// <summary>
/// llama.cpp's llama-server as tools/build-llama-cpp.sh caches it (~/.cache/quantbench/llama.cpp-RELEASE/bin, or under
/// $QUANTBENCH_CACHE), or the file $QUANTBENCH_LLAMA_SERVER names; null when there is none (the tests then skip).
/// </summary>
internal static class LlamaServerBinary
{
    internal static string? Path { get; } = Find();

    internal const string SkipReason = "llama-server not found: run tools/build-llama-cpp.sh (or set QUANTBENCH_LLAMA_SERVER)";

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("QUANTBENCH_LLAMA_SERVER") is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath) ? explicitPath : null;
        }

        string cache = Environment.GetEnvironmentVariable("QUANTBENCH_CACHE") is { Length: > 0 } c
            ? c
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "quantbench");
        return Directory.Exists(cache)
            ? Directory.EnumerateDirectories(cache, "llama.cpp-b*").Order()
                .Select(d => System.IO.Path.Combine(d, "bin", "llama-server")).LastOrDefault(File.Exists)
            : null;
    }
}
