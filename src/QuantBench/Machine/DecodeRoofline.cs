namespace QuantBench.Machine;

/// <summary>
/// The memory-bandwidth ceiling of token generation: producing one token reads every weight once plus the
/// KV cache so far, so tokens/s cannot exceed bandwidth / bytes read per token.
/// </summary>
public sealed record DecodeRoofline
{
    /// <summary>Creates a roofline; both figures must be positive.</summary>
    public DecodeRoofline(double bandwidthBytesPerSecond, long bytesReadPerToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bandwidthBytesPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesReadPerToken);
        BandwidthBytesPerSecond = bandwidthBytesPerSecond;
        BytesReadPerToken = bytesReadPerToken;
    }

    /// <summary>Measured memory read bandwidth.</summary>
    public double BandwidthBytesPerSecond { get; }

    /// <summary>Weights plus KV cache read for one token.</summary>
    public long BytesReadPerToken { get; }

    /// <summary>The ceiling: bandwidth / bytes per token.</summary>
    public double MaxTokensPerSecond => BandwidthBytesPerSecond / BytesReadPerToken;

    /// <summary>Share of the ceiling a measured rate reaches (0.8 = 80 %).</summary>
    public double ShareAchieved(double measuredTokensPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(measuredTokensPerSecond);
        return measuredTokensPerSecond / MaxTokensPerSecond;
    }

    /// <summary>
    /// KV cache bytes read to generate one token when the cache holds <paramref name="contextTokens"/> entries
    /// (its own included): keys and values, every layer: 2 x layers x kvHeads x headDim x contextTokens x bytes per element.
    /// </summary>
    public static long KvCacheBytesReadPerToken(int layers, int kvHeads, int headDim, int contextTokens, double bytesPerElement)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contextTokens);
        return (long)Math.Round(2.0 * layers * kvHeads * headDim * contextTokens * bytesPerElement);
    }

    /// <summary>
    /// Mean KV bytes read per token when generating <paramref name="generatedTokens"/> after a prompt of
    /// <paramref name="promptTokens"/>: the i-th token sees promptTokens + i entries, so the mean is
    /// promptTokens + (generatedTokens + 1) / 2 entries.
    /// </summary>
    public static long MeanKvCacheBytesReadPerToken(int layers, int kvHeads, int headDim, int promptTokens, int generatedTokens, double bytesPerElement)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promptTokens);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(generatedTokens);
        var perEntry = 2.0 * layers * kvHeads * headDim * bytesPerElement;
        return (long)Math.Round(perEntry * (promptTokens + (generatedTokens + 1) / 2.0));
    }
}
