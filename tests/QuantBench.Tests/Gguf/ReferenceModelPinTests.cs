using QuantBench.Testing;
using Xunit.Abstractions;

namespace QuantBench.Tests.Gguf;

/// <summary>
/// The one test that fails when the synthetic generator or the bundled quantizer stops making the files that
/// llama.cpp's reference figures were measured on; the tests that compare with those figures skip instead.
/// </summary>
public sealed class ReferenceModelPinTests(ITestOutputHelper output)
{
    [Fact]
    public void Generated_reference_models_match_their_sha256_pins()
    {
        var models = ReferenceModels.Get();
        output.WriteLine($"made {ReferenceData.Fixture.Models.Count} files in {models.Elapsed.TotalSeconds:F1} s in {models.Directory}");

        Assert.True(models.Mismatches.IsEmpty,
            "the generated reference models differ from tests/data/reference/reference.json; if the change is intended, " +
            "run tools/make-reference-fixture.sh to remake the pins and llama.cpp's figures:\n" + string.Join('\n', models.Mismatches));
        Assert.Equal(6, ReferenceData.Fixture.Models.Count);
    }
}
