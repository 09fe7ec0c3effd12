using System.Security.Cryptography;
using QuantBench.Machine;
using QuantBench.Testing;

namespace QuantBench.Tests.Machine;

public sealed class FileHasherTests
{
    [Fact]
    public async Task Hash_of_a_model_matches_sha256_of_its_bytes_and_progress_ends_at_its_length()
    {
        var path = ReferenceModels.Path("tiny-Q2_K.gguf");
        var reported = new List<long>();

        var hash = await FileHasher.Sha256Async(path, CancellationToken.None, new SyncProgress(reported));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), hash);
        Assert.Equal(64, hash.Length);
        Assert.Equal(new FileInfo(path).Length, reported[^1]);
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
