using System.Collections.Immutable;
using QuantBench.Gguf;
using QuantBench.Results;

namespace QuantBench.Preparation;

/// <summary>Reads a model's GGUF header in managed code, before any native code sees the file, and describes it.</summary>
public static class ModelInspector
{
    /// <summary>Describes one file; throws <see cref="ModelInputException"/> with a one-line reason when it is missing or not valid GGUF.</summary>
    public static ModelDescriptor Describe(string path, string? label = null)
    {
        if (!File.Exists(path))
        {
            throw new ModelInputException(Directory.Exists(path) ? $"{path}: is a folder, not a GGUF file" : $"{path}: no such file");
        }

        GgufFile file;
        try
        {
            file = GgufReader.Read(path);
        }
        catch (GgufFormatException e)
        {
            throw new ModelInputException(e.Message);
        }
        catch (IOException e)
        {
            throw new ModelInputException($"{path}: cannot be read ({e.Message})");
        }

        var summary = GgufModelSummary.From(file);
        bool tiedEmbeddings = file.FindTensor("output.weight") is null;
        long embeddingBytes = file.FindTensor("token_embd.weight")?.ByteSize ?? 0;
        return new ModelDescriptor
        {
            Path = Path.GetFullPath(path),
            Label = label ?? Path.GetFileNameWithoutExtension(path),
            Architecture = summary.Architecture,
            FileBytes = summary.FileBytes,
            TensorBytes = summary.TensorDataBytes,
            ParameterCount = summary.ParameterCount,
            BitsPerWeight = summary.BitsPerWeight,
            ParametersByTensorType = summary.TypeMix.ToImmutableDictionary(s => s.Type.ToString(), s => s.ParameterCount),
            LevelMix = LevelMixReader.From(file),
            WeightBytesReadPerToken = summary.TensorDataBytes - (tiedEmbeddings ? 0 : embeddingBytes),
            Layers = (int)(summary.BlockCount ?? 0),
            KvHeads = (int)(summary.HeadCountKv ?? summary.HeadCount ?? 0),
            HeadDimension = summary.HeadCount is > 0 && summary.EmbeddingLength is { } embedding ? (int)(embedding / summary.HeadCount.Value) : 0,
            VocabularySize = (int)(summary.VocabularySize ?? 0),
        };
    }

    /// <summary>Describes every file, reporting every problem at once.</summary>
    public static IReadOnlyList<ModelDescriptor> DescribeAll(IReadOnlyList<string> paths)
    {
        var models = new List<ModelDescriptor>();
        var problems = new List<string>();
        foreach (string path in paths)
        {
            try
            {
                models.Add(Describe(path));
            }
            catch (ModelInputException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new ModelInputException(string.Join("; ", problems));
        }

        // Two files with one name would be indistinguishable in the tables: label them by their folders too.
        var duplicates = models.GroupBy(m => m.Label).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        return models.Select(m => duplicates.Contains(m)
            ? m with { Label = Path.GetRelativePath(Directory.GetCurrentDirectory(), m.Path) }
            : m).ToArray();
    }
}
