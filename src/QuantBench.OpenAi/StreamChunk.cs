namespace QuantBench.OpenAi;

/// <summary>What one server-sent event said: output text, the end marker, token counts, server timings or an error.</summary>
internal readonly record struct StreamChunk
{
    public bool Done { get; init; }
    public int TextLength { get; init; }
    public string? FinishReason { get; init; }
    public int? UsagePromptTokens { get; init; }
    public int? UsageCompletionTokens { get; init; }
    public int? TimingsPromptTokens { get; init; }
    public int? TimingsPredictedTokens { get; init; }
    public double? TimingsPromptMs { get; init; }
    public double? TimingsPredictedPerTokenMs { get; init; }
    public int? TokensPredicted { get; init; }
    public string? ErrorMessage { get; init; }
    public int? ErrorCode { get; init; }
    /// <summary>A comment or keep-alive event with no data.</summary>
    public bool Empty { get; init; }
}
