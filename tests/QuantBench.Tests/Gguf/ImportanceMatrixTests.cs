using System.Runtime.InteropServices;
using QuantBench.Gguf;

namespace QuantBench.Tests.Gguf;

public sealed class ImportanceMatrixTests
{
    private static GgufTensorSource Floats(string name, long[] dims, float[] values) =>
        new(name, [.. dims], GgmlType.F32, (stream, _) => stream.Write(MemoryMarshal.AsBytes(values.AsSpan())));

    [Fact]
    public void Sums_are_divided_by_each_matrix_count_and_an_empty_count_gives_ones()
    {
        string path = Path.Combine(Path.GetTempPath(), $"imatrix-{Guid.NewGuid():N}.gguf");
        try
        {
            GgufWriter.Write(path, new GgufMetadata([new("general.type", GgufValue.String("imatrix"))]),
            [
                Floats("blk.0.ffn_down.weight.in_sum2", [2, 2], [2, 4, 6, 8]),
                Floats("blk.0.ffn_down.weight.counts", [1, 2], [2, 0]),
            ]);

            var matrix = ImportanceMatrix.Read(path);

            Assert.Equal([1f, 2f, 1f, 1f], matrix.Entries["blk.0.ffn_down.weight"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_without_importance_data_is_one_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"imatrix-{Guid.NewGuid():N}.gguf");
        try
        {
            GgufWriter.Write(path, new GgufMetadata([new("general.name", GgufValue.String("x"))]), [Floats("w", [2], [1, 2])]);
            var error = Assert.Throws<GgufFormatException>(() => ImportanceMatrix.Read(path));
            Assert.Contains("no importance data", error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
