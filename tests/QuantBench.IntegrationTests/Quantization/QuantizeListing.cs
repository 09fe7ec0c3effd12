using System.Collections.Immutable;
using QuantBench.Gguf;
using QuantBench.Models;

namespace QuantBench.IntegrationTests.Quantization;

/// <summary>
/// One committed llama-quantize listing (tests/data/quantize/PRESET.txt, written by tools/quantize-listings.sh):
/// the base model's SHA-256, and per level either the output's SHA-256 and every tensor's type, or the failure.
/// </summary>
internal sealed record QuantizeListing(string BaseSha256, ImmutableDictionary<QuantizationType, QuantizeListingLevel> Levels)
{
    public static QuantizeListing Read(string preset)
    {
        string path = Path.Combine(DataFolder(), $"{preset}.txt");
        string baseSha = "";
        var levels = new Dictionary<QuantizationType, (string? Sha, string? Failure, Dictionary<string, GgmlType> Types)>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                int at = line.IndexOf("base SHA-256 ", StringComparison.Ordinal);
                if (at >= 0)
                {
                    baseSha = line[(at + 13)..].TrimEnd(')');
                }

                continue;
            }

            string[] parts = line.Split(' ', 3);
            var level = Enum.Parse<QuantizationType>(parts[0]);
            if (!levels.TryGetValue(level, out var entry))
            {
                entry = (null, null, new Dictionary<string, GgmlType>());
            }

            if (parts[1] == "sha256")
            {
                entry.Sha = parts[2];
            }
            else if (parts[1] == "failed:")
            {
                entry.Failure = parts.Length > 2 ? parts[2] : "";
            }
            else
            {
                entry.Types[parts[1]] = Enum.Parse<GgmlType>(parts[2]);
            }

            levels[level] = entry;
        }

        return new QuantizeListing(baseSha, levels.ToImmutableDictionary(
            p => p.Key, p => new QuantizeListingLevel(p.Value.Sha, p.Value.Failure, p.Value.Types.ToImmutableDictionary())));
    }

    // tests/data/quantize, found above the test binaries (the repository's checkout).
    private static string DataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "data", "quantize");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"no tests/data/quantize above {AppContext.BaseDirectory}");
    }
}

internal sealed record QuantizeListingLevel(string? Sha256, string? Failure, ImmutableDictionary<string, GgmlType> Types);
