using LLama;
using LLama.Common;
using LLama.Exceptions;
using QuantBench.Engines;

namespace QuantBench.LlamaCpp.Batching;

/// <summary>Creates a batch decoder's context over already loaded weights, with the session's threads and micro-batch.</summary>
internal static class BatchContextFactory
{
    // llama.cpp rounds a context up to a multiple of 256 cells; giving each sequence a whole multiple keeps the streams equal.
    private const int CellGrain = 256;

    internal static LlamaCppBatchDecoder Create(LLamaWeights weights, ModelParams session, BatchDecoderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        cancellationToken.ThrowIfCancellationRequested();
        int perSequence = (options.TokensPerSequence + CellGrain - 1) / CellGrain * CellGrain;
        uint contextSize = (uint)(perSequence * options.MaxSequences);
        var parameters = session with
        {
            ContextSize = contextSize,
            // A step holds every pending prompt plus one token per sequence, never more than the context: one llama_decode call.
            BatchSize = contextSize,
            SeqMax = (uint)options.MaxSequences,
            KVUnified = false,
        };

        try
        {
            var context = weights.CreateContext(parameters);
            return new LlamaCppBatchDecoder(weights, context, options.MaxSequences, perSequence);
        }
        catch (RuntimeError e)
        {
            throw new ModelLoadException(session.ModelPath, $"llama.cpp could not create a context for {options.MaxSequences} sequences of {perSequence} tokens: " + (LlamaNative.RecentLog.LastProblem() ?? e.Message));
        }
    }
}
