namespace QuantBench.IntegrationTests;

/// <summary>Locates the read-only reference data (shared/reference) by walking up from the test binaries.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Reference = new(FindReferenceDir);

    /// <summary>The shared/reference folder; throws with the searched path when it is not above the test binaries.</summary>
    internal static string ReferenceDir => Reference.Value;

    internal static string Model(string fileName) => Path.Combine(ReferenceDir, "models", fileName);

    internal static string Text(string fileName) => Path.Combine(ReferenceDir, "text", fileName);

    internal static string LlamaCppOutput(string fileName) => Path.Combine(ReferenceDir, "llama.cpp", fileName);

    private static string FindReferenceDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no shared/reference folder above {AppContext.BaseDirectory}");
    }
}
