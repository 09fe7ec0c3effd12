using QuantBench.Machine;

namespace QuantBench.Tests.Machine;

public sealed class FileHasherTests
{
    [Fact]
    public async Task Hash_of_reference_model_matches_the_published_prefix()
    {
        var path = Path.Combine(TestData.ReferenceDir, "models", "ref-tiny-Q2_K.gguf");
        var reported = new List<long>();

        var hash = await FileHasher.Sha256Async(path, CancellationToken.None, new SyncProgress(reported));

        Assert.StartsWith("0abd39d1cc09979d", hash);
        Assert.Equal(64, hash.Length);
        Assert.Equal(1_479_392, reported[^1]);
    }

    [Fact]
    public async Task Missing_file_throws_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.gguf");

        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => FileHasher.Sha256Async(path));

        Assert.Equal(path, e.FileName);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this one records at once.</summary>
    private sealed class SyncProgress(List<long> sink) : IProgress<long>
    {
        public void Report(long value) => sink.Add(value);
    }
}
