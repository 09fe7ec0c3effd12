namespace QuantBench.Testing;

/// <summary>
/// The reference data committed under tests/data and copied beside the test binaries: the text, llama.cpp's
/// own printed figures and the fixture that pins the generated models. Nothing outside the checkout.
/// </summary>
internal static class ReferenceData
{
    private static readonly Lazy<ReferenceFixture> FixtureValue = new(() => ReferenceFixture.Read(FixturePath));

    /// <summary>tests/data as copied to the output folder.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data");

    public static string FixturePath => Path.Combine(Folder, "reference", "reference.json");

    public static ReferenceFixture Fixture => FixtureValue.Value;

    public static string Text(string fileName) => Path.Combine(Folder, "text", fileName);

    /// <summary>A file printed by llama.cpp's tools on the reference models (tests/data/reference/llama.cpp).</summary>
    public static string LlamaCppOutput(string fileName) => Path.Combine(Folder, "reference", "llama.cpp", fileName);

    public static string Reference(string fileName) => Path.Combine(Folder, "reference", fileName);
}
