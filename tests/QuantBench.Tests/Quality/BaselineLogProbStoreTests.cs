using QuantBench.Quality;

namespace QuantBench.Tests.Quality;

public sealed class BaselineLogProbStoreTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Chunks_read_back_exactly_as_written_at_full_precision()
    {
        string path = temp.File("base.logprobs");
        float[] logProbs0 = [-0.1234567f, -2.5e-9f, -17.000001f, -3f, -4f, -5f];
        float[] logProbs1 = [-6f, -7f, -8f, -9f, -10f, -11.5f];
        using (var writer = BaselineLogProbStore.Create(path, vocabularySize: 3, contextTokens: 5, firstScoredPosition: 2, "alice.txt"))
        {
            writer.Append([1, 2, 3, 4, 5], logProbs0);
            writer.Append([6, 7, 8, 9, 10], logProbs1);
            writer.Complete();
        }

        using var store = BaselineLogProbStore.Open(path);
        Assert.Equal((3, 5, 2, 2, 2, "alice.txt"), (store.VocabularySize, store.ContextTokens, store.FirstScoredPosition, store.Chunks, store.ScoredRowsPerChunk, store.SourceDescription));
        var tokens = new int[5];
        var read = new float[6];
        store.ReadChunk(1, tokens, read);
        Assert.Equal([6, 7, 8, 9, 10], tokens);
        Assert.Equal(logProbs1, read);
        store.ReadChunk(0, tokens, read);
        Assert.Equal(logProbs0, read);
    }

    [Fact]
    public void An_unfinished_store_leaves_no_file_behind()
    {
        string path = temp.File("base.logprobs");
        using (var writer = BaselineLogProbStore.Create(path, 3, 5, 2, "x"))
        {
            writer.Append([1, 2, 3, 4, 5], new float[6]);
        }

        Assert.Empty(Directory.GetFiles(temp.Path));
        var error = Assert.Throws<QualityEvaluationException>(() => BaselineLogProbStore.Open(path));
        Assert.Contains("does not exist", error.Reason);
    }

    [Fact]
    public void A_truncated_store_is_refused_naming_the_file()
    {
        string path = temp.File("base.logprobs");
        using (var writer = BaselineLogProbStore.Create(path, 3, 5, 2, "x"))
        {
            writer.Append([1, 2, 3, 4, 5], new float[6]);
            writer.Complete();
        }

        using (var file = File.OpenWrite(path))
        {
            file.SetLength(file.Length - 4);
        }

        var error = Assert.Throws<QualityEvaluationException>(() => BaselineLogProbStore.Open(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("truncated", error.Reason);
    }

    [Fact]
    public void A_file_of_another_kind_is_refused()
    {
        string path = temp.File("model.gguf");
        File.WriteAllBytes(path, "GGUF and more bytes than a header holds"u8.ToArray());
        var error = Assert.Throws<QualityEvaluationException>(() => BaselineLogProbStore.Open(path));
        Assert.Contains("not a QuantBench baseline", error.Reason);
    }

    [Fact]
    public void A_chunk_of_the_wrong_shape_is_rejected()
    {
        using var writer = BaselineLogProbStore.Create(temp.File("s"), 3, 5, 2, "x");
        Assert.Throws<ArgumentException>(() => writer.Append([1, 2, 3], new float[6]));
        Assert.Throws<ArgumentException>(() => writer.Append([1, 2, 3, 4, 5], new float[5]));
    }
}
