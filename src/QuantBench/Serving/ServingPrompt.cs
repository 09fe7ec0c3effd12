namespace QuantBench.Serving;

/// <summary>A prompt and its length in tokens: exact when the server's tokenizer counted it, else null (an estimate).</summary>
public sealed record ServingPrompt(string Text, int? Tokens);
