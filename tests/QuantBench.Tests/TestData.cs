namespace QuantBench.Tests;

/// <summary>Locates the read-only reference data (shared/reference) by walking up from the test binaries.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Reference = new(FindReferenceDir);

    /// <summary>The shared/reference folder; throws with the places searched when it is absent.</summary>
    public static string ReferenceDir => Reference.Value;

    private static string FindReferenceDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"No shared/reference folder above {AppContext.BaseDirectory}.");
    }
}
