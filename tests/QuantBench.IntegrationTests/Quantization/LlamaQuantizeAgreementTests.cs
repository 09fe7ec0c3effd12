using System.Security.Cryptography;
using QuantBench.Gguf;
using QuantBench.LlamaCpp;
using QuantBench.Models;
using QuantBench.Preparation;
using Xunit.Abstractions;

namespace QuantBench.IntegrationTests.Quantization;

/// <summary>
/// QuantBench against llama-quantize (b10361) on models whose rows do not fit every block (576, 1536, 96, 172, 64):
/// every level llama-quantize makes, QuantBench plans and makes with the same type for every tensor; every level
/// llama-quantize refuses, QuantBench refuses with one line under 300 characters. The files are byte-identical.
/// </summary>
public sealed class LlamaQuantizeAgreementTests(OddShapeModels models, ITestOutputHelper output) : IClassFixture<OddShapeModels>
{
    public static TheoryData<string, QuantizationType> Levels()
    {
        var data = new TheoryData<string, QuantizationType>();
        foreach (string preset in new[] { "odd576", "odd96", "odd64" })
        {
            foreach (var level in Enum.GetValues<QuantizationType>().Where(l => l != QuantizationType.F32))
            {
                data.Add(preset, level);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public void Makes_what_llama_quantize_makes_and_refuses_what_it_refuses(string preset, QuantizationType level)
    {
        var listing = QuantizeListing.Read(preset);
        string basePath = models.BasePath(preset);
        Assert.True(Sha256(basePath) == listing.BaseSha256,
            $"the generated {preset} model is not the one the listing was made from; rerun tools/quantize-listings.sh");
        var expected = listing.Levels[level];
        var plan = QuantizationPlanner.Plan(GgufReader.Read(basePath), level);

        if (expected.Failure is not null)
        {
            output.WriteLine($"llama-quantize: {expected.Failure}");
            output.WriteLine($"QuantBench:     {plan.Failure}");
            string failure = Assert.IsType<string>(plan.Failure);
            Assert.True(failure.Length < 300, failure);
            Assert.DoesNotContain('\n', failure);
            return;
        }

        Assert.True(plan.CanQuantize, plan.Failure);
        Assert.Equal(Listed(expected.Types), Listed(plan.FinalTypes));

        string folder = Directory.CreateTempSubdirectory("quantbench-level-").FullName;
        try
        {
            var made = new LadderBuilder(new LlamaCppQuantizer()).Make(basePath, folder, plan, QuantizationOptions.None, threads: 2, reuseExisting: false, CancellationToken.None);
            var file = GgufReader.Read(made.Path);
            Assert.Equal(Listed(expected.Types), Listed(file.Tensors.ToDictionary(t => t.Name, t => t.Type)));
            Assert.Empty(made.Mismatches);
            output.WriteLine($"{made.Mix.Headline}; {made.Mix.FallbackLine}; {string.Join(", ", made.Mix.Types)}");
            // Equal by design: the same quantizer code (llama_model_quantize) on the same bytes; b10221's kernels and
            // b10361's llama-quantize agreed on all 75 levels made when the listings were written.
            Assert.Equal(expected.Sha256, Sha256(made.Path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Listed(IReadOnlyDictionary<string, GgmlType> types) =>
        string.Join('\n', types.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
