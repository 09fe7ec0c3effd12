namespace QuantBench.Serving;

/// <summary>
/// Where a request's token counts came from. Counting stream chunks is never one of them: a chunk can carry
/// several tokens or none.
/// </summary>
public enum TokenCountSource
{
    /// <summary>The server reported no counts: token rates and TPOT are unknown for this request.</summary>
    None,

    /// <summary>The OpenAI <c>usage</c> object (asked for with <c>stream_options.include_usage</c>).</summary>
    Usage,

    /// <summary>llama-server's own <c>timings</c> (<c>prompt_n</c>, <c>predicted_n</c>) or <c>tokens_predicted</c>.</summary>
    ServerTimings,
}
