using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace QuantBench.Gguf;

/// <summary>
/// An importance matrix written by llama-imatrix in its GGUF format (tensors <c>NAME.in_sum2</c> and
/// <c>NAME.counts</c>), turned into the per-weight values llama-quantize passes to the quantizer: the sums of
/// squared activations divided by each expert's count (1 where a count is 0), as quantize.cpp's <c>load_imatrix</c>.
/// </summary>
public sealed record ImportanceMatrix(string Path, ImmutableDictionary<string, float[]> Entries)
{
    private const string SumSuffix = ".in_sum2";
    private const string CountSuffix = ".counts";

    /// <exception cref="GgufFormatException">The file is not GGUF (e.g. the legacy .dat format) or holds no importance data.</exception>
    public static ImportanceMatrix Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new GgufFormatException(path, "no such importance matrix file");
        }

        var file = GgufReader.Read(path);
        var entries = ImmutableDictionary.CreateBuilder<string, float[]>(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        foreach (var sums in file.Tensors.Where(t => t.Name.EndsWith(SumSuffix, StringComparison.Ordinal)))
        {
            string name = sums.Name[..^SumSuffix.Length];
            var counts = file.FindTensor(name + CountSuffix);
            if (sums.Type != GgmlType.F32 || counts is null || counts.Type != GgmlType.F32)
            {
                throw new GgufFormatException(path, $"{name} lacks F32 {SumSuffix} and {CountSuffix} tensors; not a llama-imatrix file");
            }

            float[] values = ReadFloats(stream, file, sums);
            float[] count = ReadFloats(stream, file, counts);
            long perMatrix = values.Length / Math.Max(1, count.Length);
            for (int j = 0; j < count.Length; j++)
            {
                for (long i = 0; i < perMatrix; i++)
                {
                    long at = j * perMatrix + i;
                    values[at] = count[j] > 0 ? values[at] / count[j] : 1;
                }
            }

            entries[name] = values;
        }

        if (entries.Count == 0)
        {
            throw new GgufFormatException(path, $"holds no importance data (llama-imatrix's GGUF output has NAME.in_sum2 tensors; convert a legacy .dat file with llama-imatrix --in-file)");
        }

        return new ImportanceMatrix(path, entries.ToImmutable());
    }

    private static float[] ReadFloats(FileStream stream, GgufFile file, GgufTensorInfo tensor)
    {
        var values = new float[tensor.ElementCount];
        stream.Position = file.DataOffsetBytes + tensor.OffsetBytes;
        stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
