namespace QuantBench.Engines;

/// <summary>
/// A loaded model that can also hand out batch decoders, each with its own context sized for the
/// batch (a session's own context holds one request only). Sessions implement it when their engine can batch.
/// </summary>
public interface IBatchDecoderFactory
{
    /// <summary>Creates a decoder over the loaded weights; dispose it before creating the next to bound memory.</summary>
    /// <exception cref="ModelLoadException">The engine could not create a context of that size.</exception>
    IBatchDecoder CreateBatchDecoder(BatchDecoderOptions options, CancellationToken cancellationToken);
}
