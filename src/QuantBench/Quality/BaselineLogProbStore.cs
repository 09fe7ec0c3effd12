using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace QuantBench.Quality;

/// <summary>
/// A baseline model's evaluation on disk: the tokens of every chunk and, at full float32 precision, the
/// log-probability of every vocabulary entry at every scored position. Read one chunk at a time, so it
/// need not fit in memory; being a file, it is written once and read by every other model's process.
/// </summary>
/// <remarks>
/// Layout (little-endian): "QBLOGP01", vocabulary size, n_ctx, first scored position, chunk count,
/// description length, description (UTF-8); then per chunk n_ctx int32 tokens and
/// (n_ctx - 1 - first) × vocabulary float32 log-probabilities.
/// </remarks>
public sealed class BaselineLogProbStore : IDisposable
{
    internal const int FixedHeaderBytes = 28;

    private readonly FileStream stream;
    private readonly long dataOffset;

    private BaselineLogProbStore(string path, FileStream stream, int vocabularySize, int contextTokens, int firstScoredPosition, int chunks, string sourceDescription, long dataOffset)
    {
        FilePath = path;
        this.stream = stream;
        VocabularySize = vocabularySize;
        ContextTokens = contextTokens;
        FirstScoredPosition = firstScoredPosition;
        Chunks = chunks;
        SourceDescription = sourceDescription;
        this.dataOffset = dataOffset;
    }

    internal static ReadOnlySpan<byte> Magic => "QBLOGP01"u8;

    public string FilePath { get; }

    public int VocabularySize { get; }

    /// <summary>n_ctx of every chunk.</summary>
    public int ContextTokens { get; }

    public int FirstScoredPosition { get; }

    public int Chunks { get; }

    /// <summary>Where the tokens came from, as <see cref="QualityTextSource.Description"/> said when the store was written.</summary>
    public string SourceDescription { get; }

    /// <summary>Log-probability rows per chunk: positions first .. n_ctx - 2.</summary>
    public int ScoredRowsPerChunk => ContextTokens - 1 - FirstScoredPosition;

    private long ChunkBytes => (long)ContextTokens * sizeof(int) + (long)ScoredRowsPerChunk * VocabularySize * sizeof(float);

    /// <summary>Starts a new store at <paramref name="path"/>; it is complete only after <see cref="BaselineLogProbWriter.Complete"/>.</summary>
    public static BaselineLogProbWriter Create(string path, int vocabularySize, int contextTokens, int firstScoredPosition, string sourceDescription)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextTokens, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(firstScoredPosition);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstScoredPosition, contextTokens - 2);
        return new BaselineLogProbWriter(path, vocabularySize, contextTokens, firstScoredPosition, sourceDescription ?? string.Empty);
    }

    /// <summary>Opens a finished store, checking its header and size; throws <see cref="QualityEvaluationException"/> naming what is wrong.</summary>
    public static BaselineLogProbStore Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new QualityEvaluationException(path, "the baseline log-probability store does not exist");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
        try
        {
            Span<byte> header = stackalloc byte[FixedHeaderBytes];
            if (stream.ReadAtLeast(header, FixedHeaderBytes, throwOnEndOfStream: false) < FixedHeaderBytes || !header[..8].SequenceEqual(Magic))
            {
                throw new QualityEvaluationException(path, "not a QuantBench baseline log-probability store");
            }

            int vocabulary = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            int context = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
            int first = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
            int chunks = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
            int descriptionBytes = BinaryPrimitives.ReadInt32LittleEndian(header[24..]);
            if (vocabulary < 1 || context < 2 || first < 0 || first > context - 2 || chunks < 0 || descriptionBytes is < 0 or > 1 << 16)
            {
                throw new QualityEvaluationException(path, "the store's header is damaged");
            }

            byte[] description = new byte[descriptionBytes];
            stream.ReadExactly(description);
            var store = new BaselineLogProbStore(path, stream, vocabulary, context, first, chunks, Encoding.UTF8.GetString(description), FixedHeaderBytes + descriptionBytes);
            long expected = store.dataOffset + chunks * store.ChunkBytes;
            if (stream.Length != expected)
            {
                throw new QualityEvaluationException(path, $"the store holds {stream.Length} bytes but its header describes {expected}; it is truncated or was not finished");
            }

            return store;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads chunk <paramref name="chunk"/>: its n_ctx tokens and its scored rows' log-probabilities.</summary>
    public void ReadChunk(int chunk, Span<int> tokens, Span<float> logProbs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunk);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chunk, Chunks);
        if (tokens.Length != ContextTokens || logProbs.Length != (long)ScoredRowsPerChunk * VocabularySize)
        {
            throw new ArgumentException($"a chunk is {ContextTokens} tokens and {ScoredRowsPerChunk} × {VocabularySize} log-probabilities");
        }

        stream.Position = dataOffset + chunk * ChunkBytes;
        stream.ReadExactly(MemoryMarshal.AsBytes(tokens));
        stream.ReadExactly(MemoryMarshal.AsBytes(logProbs));
    }

    public void Dispose() => stream.Dispose();
}
