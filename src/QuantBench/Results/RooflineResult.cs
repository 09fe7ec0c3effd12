namespace QuantBench.Results;

/// <summary>
/// How close a model's decode rate comes to the machine's memory-bandwidth limit: a generated token reads
/// the weights once plus the KV cache so far, so tokens/s is at most bandwidth / bytes read per token.
/// </summary>
public sealed record RooflineResult(
    double BandwidthBytesPerSecond,
    long BytesReadPerToken,
    double MaxDecodeTokensPerSecond,
    double MeasuredDecodeTokensPerSecond,
    double ShareOfLimit);
