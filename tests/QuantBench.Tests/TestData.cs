namespace QuantBench.Tests;

/// <summary>Locates the read-only reference data (shared/reference) shared by every worktree.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Reference = new(FindReferenceDir);

    /// <summary>The <c>shared/reference</c> folder found by walking up from the test binaries.</summary>
    public static string ReferenceDir => Reference.Value;

    public static string ModelsDir => Path.Combine(ReferenceDir, "models");

    public static string ReferenceModel(string name) => Path.Combine(ModelsDir, name);

    private static string FindReferenceDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"no shared/reference folder above {AppContext.BaseDirectory}; the reference data is needed by this test");
    }
}
