using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace QuantBench.Quality;

/// <summary>
/// Streams a baseline's chunks (tokens and float32 log-probabilities of the scored rows) to a
/// <see cref="BaselineLogProbStore"/> file. The file appears under its name only on <see cref="Complete"/>;
/// disposing an unfinished writer deletes what it wrote.
/// </summary>
public sealed class BaselineLogProbWriter : IDisposable
{
    private readonly string path;
    private readonly string partialPath;
    private readonly FileStream stream;
    private readonly int vocabularySize;
    private readonly int contextTokens;
    private readonly int scoredRows;
    private int chunks;
    private bool completed;

    internal BaselineLogProbWriter(string path, int vocabularySize, int contextTokens, int firstScoredPosition, string sourceDescription)
    {
        this.path = path;
        partialPath = path + ".partial";
        this.vocabularySize = vocabularySize;
        this.contextTokens = contextTokens;
        scoredRows = contextTokens - 1 - firstScoredPosition;
        stream = new FileStream(partialPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 1 << 20);

        byte[] description = Encoding.UTF8.GetBytes(sourceDescription);
        Span<byte> header = stackalloc byte[BaselineLogProbStore.FixedHeaderBytes];
        BaselineLogProbStore.Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], vocabularySize);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], contextTokens);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], firstScoredPosition);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], -1); // chunk count, written by Complete
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], description.Length);
        stream.Write(header);
        stream.Write(description);
    }

    /// <summary>Appends one chunk: its n_ctx tokens as in the text (before BOS replacement) and its scored rows' log-probabilities.</summary>
    public void Append(ReadOnlySpan<int> tokens, ReadOnlySpan<float> logProbs)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        if (tokens.Length != contextTokens || logProbs.Length != (long)scoredRows * vocabularySize)
        {
            throw new ArgumentException($"a chunk is {contextTokens} tokens and {scoredRows} × {vocabularySize} log-probabilities");
        }

        // The store is little-endian, as every machine .NET runs LLM inference on is.
        stream.Write(MemoryMarshal.AsBytes(tokens));
        stream.Write(MemoryMarshal.AsBytes(logProbs));
        chunks++;
    }

    /// <summary>Writes the chunk count and moves the file to its final name.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(completed, this);
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(count, chunks);
        stream.Position = 20;
        stream.Write(count);
        stream.Flush(flushToDisk: false);
        stream.Dispose();
        File.Move(partialPath, path, overwrite: true);
        completed = true;
    }

    public void Dispose()
    {
        if (!completed)
        {
            stream.Dispose();
            File.Delete(partialPath);
            completed = true;
        }
    }
}
