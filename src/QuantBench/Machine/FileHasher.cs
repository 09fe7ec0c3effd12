using System.Security.Cryptography;

namespace QuantBench.Machine;

/// <summary>Hashes model files so that results name exactly which file was measured.</summary>
public static class FileHasher
{
    private const int BufferBytes = 1 << 20;

    /// <summary>
    /// SHA-256 of the file as lowercase hex, read in 1 MiB blocks (models are many GB), reporting the bytes
    /// hashed so far through <paramref name="progress"/>.
    /// </summary>
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default, IProgress<long>? progress = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = 0, // our own buffer is large; a second one would only copy
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferBytes];
        long done = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            done += read;
            progress?.Report(done);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
