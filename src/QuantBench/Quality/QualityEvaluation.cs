using System.Collections.Immutable;
using System.Text;

namespace QuantBench.Quality;

/// <summary>
/// Measures quality lost to quantization by llama-perplexity's method. The baseline is evaluated once
/// into a <see cref="BaselineLogProbStore"/> file; every other model, each possibly in its own process,
/// is then evaluated on the store's tokens and compared with the store's log-probabilities.
/// </summary>
public sealed class QualityEvaluation
{
    public QualityEvaluation(QualityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (!problems.IsEmpty)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        Options = options;
    }

    public QualityOptions Options { get; }

    /// <summary>
    /// Evaluates the baseline on <paramref name="source"/>, writes its log-probabilities to
    /// <paramref name="storePath"/> and returns its perplexity (the result has no KL divergence).
    /// </summary>
    public QualityResult EvaluateBaseline(
        ILogitsEvaluator baseline,
        QualityTextSource source,
        string storePath,
        IProgress<QualityProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(storePath);

        int contextTokens = Options.ContextTokens;
        int first = Options.FirstScoredPosition;
        int rows = Options.ScoredRowsPerChunk;
        int vocabulary = baseline.VocabularySize;
        var chunks = source.FilePath is { } textPath
            ? ChunksOfText(baseline, textPath)
            : SampleChunks(baseline, source, progress, cancellationToken);

        int perCall = Math.Max(1, baseline.ChunksPerCall);
        var input = new int[perCall * contextTokens];
        var logits = new float[perCall * rows * vocabulary];
        var logProbs = new float[rows * vocabulary];
        var perplexity = new PerplexityAccumulator();
        using var writer = BaselineLogProbStore.Create(storePath, vocabulary, contextTokens, first, source.Description);
        for (int start = 0; start < chunks.Length; start += perCall)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(perCall, chunks.Length - start);
            for (int k = 0; k < count; k++)
            {
                EvaluationChunks.PrepareInput(chunks[start + k].AsSpan(), baseline.BeginningOfSequenceToken, input.AsSpan(k * contextTokens, contextTokens));
            }

            baseline.EvaluateChunks(input.AsSpan(0, count * contextTokens), contextTokens, first, logits.AsSpan(0, count * rows * vocabulary), cancellationToken);
            for (int k = 0; k < count; k++)
            {
                ReadOnlySpan<int> chunk = chunks[start + k].AsSpan();
                for (int r = 0; r < rows; r++)
                {
                    double nll = LogSoftmax.Compute(logits.AsSpan(((k * rows) + r) * vocabulary, vocabulary), chunk[first + r + 1], logProbs.AsSpan(r * vocabulary, vocabulary));
                    perplexity.Add(nll);
                }

                writer.Append(chunk, logProbs);
                progress?.Report(new QualityProgress(QualityStage.EvaluatingChunks, start + k + 1, chunks.Length));
            }
        }

        writer.Complete();
        return new QualityResult
        {
            SourceDescription = source.Description,
            ContextTokens = contextTokens,
            Chunks = chunks.Length,
            ScoredTokens = perplexity.Count,
            Perplexity = perplexity.ToResult(),
        };
    }

    /// <summary>
    /// Evaluates a model on the tokens of the baseline store at <paramref name="storePath"/> (its n_ctx and
    /// chunks, not <see cref="Options"/>'), and compares it with the baseline token by token.
    /// </summary>
    public QualityResult EvaluateAgainst(
        string storePath,
        ILogitsEvaluator evaluator,
        IProgress<QualityProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storePath);
        ArgumentNullException.ThrowIfNull(evaluator);
        using var store = BaselineLogProbStore.Open(storePath);
        int vocabulary = store.VocabularySize;
        if (evaluator.VocabularySize != vocabulary)
        {
            throw new QualityEvaluationException(storePath,
                $"the baseline has a vocabulary of {vocabulary} tokens but the model {evaluator.VocabularySize}; KL divergence needs the same vocabulary");
        }

        int first = store.FirstScoredPosition;
        int rows = store.ScoredRowsPerChunk;
        int contextTokens = store.ContextTokens;
        int perCall = Math.Max(1, evaluator.ChunksPerCall);
        var tokens = new int[perCall * contextTokens];
        var input = new int[perCall * contextTokens];
        var logits = new float[perCall * rows * vocabulary];
        var baselineLogProbs = new float[perCall * rows * vocabulary];
        var divergence = new KlDivergenceAccumulator();
        for (int start = 0; start < store.Chunks; start += perCall)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(perCall, store.Chunks - start);
            for (int k = 0; k < count; k++)
            {
                var chunkTokens = tokens.AsSpan(k * contextTokens, contextTokens);
                store.ReadChunk(start + k, chunkTokens, baselineLogProbs.AsSpan(k * rows * vocabulary, rows * vocabulary));
                EvaluationChunks.PrepareInput(chunkTokens, evaluator.BeginningOfSequenceToken, input.AsSpan(k * contextTokens, contextTokens));
            }

            evaluator.EvaluateChunks(input.AsSpan(0, count * contextTokens), contextTokens, first, logits.AsSpan(0, count * rows * vocabulary), cancellationToken);
            for (int k = 0; k < count; k++)
            {
                for (int r = 0; r < rows; r++)
                {
                    var row = new Range(((k * rows) + r) * vocabulary, ((k * rows) + r + 1) * vocabulary);
                    divergence.Add(logits.AsSpan(row), baselineLogProbs.AsSpan(row), tokens[(k * contextTokens) + first + r + 1]);
                }

                progress?.Report(new QualityProgress(QualityStage.EvaluatingChunks, start + k + 1, store.Chunks));
            }
        }

        var kld = divergence.ToResult();
        return new QualityResult
        {
            SourceDescription = store.SourceDescription,
            ContextTokens = store.ContextTokens,
            Chunks = store.Chunks,
            ScoredTokens = kld.ScoredTokens,
            Perplexity = kld.Perplexity,
            KlDivergence = kld,
        };
    }

    private ImmutableArray<ImmutableArray<int>> ChunksOfText(ILogitsEvaluator baseline, string textPath)
    {
        string text;
        try
        {
            // Read as llama-perplexity's -f does: raw UTF-8, one trailing newline dropped.
            text = Encoding.UTF8.GetString(File.ReadAllBytes(textPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QualityEvaluationException(textPath, "cannot read the evaluation text: " + e.Message);
        }

        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        var tokens = baseline.Tokenize(text, addBos: true);
        int count = EvaluationChunks.Count(tokens.Length, Options, textPath);
        var chunks = ImmutableArray.CreateBuilder<ImmutableArray<int>>(count);
        for (int c = 0; c < count; c++)
        {
            chunks.Add(tokens.Slice(c * Options.ContextTokens, Options.ContextTokens));
        }

        return chunks.MoveToImmutable();
    }

    private ImmutableArray<ImmutableArray<int>> SampleChunks(ILogitsEvaluator baseline, QualityTextSource source, IProgress<QualityProgress>? progress, CancellationToken cancellationToken)
    {
        int count = Options.MaxChunks;
        var chunks = ImmutableArray.CreateBuilder<ImmutableArray<int>>(count);
        for (int c = 0; c < count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sampler = new TemperatureSampler(TemperatureSampler.ChunkSeed(source.Seed, c), source.Temperature);
            var chunk = baseline.SampleSequence(Options.ContextTokens, sampler, cancellationToken);
            if (chunk.Length != Options.ContextTokens)
            {
                throw new InvalidOperationException($"the evaluator sampled {chunk.Length} tokens instead of {Options.ContextTokens}");
            }

            chunks.Add(chunk);
            progress?.Report(new QualityProgress(QualityStage.SamplingText, c + 1, count));
        }

        return chunks.MoveToImmutable();
    }
}
