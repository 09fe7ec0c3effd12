namespace QuantBench.Serving;

/// <summary>How the prompts' token lengths were fixed.</summary>
public enum PromptLengthSource
{
    /// <summary>Cut to the exact length by the server's own <c>/tokenize</c> and <c>/detokenize</c>.</summary>
    ServerTokenizer,

    /// <summary>The server has no tokenizer endpoint: the length is an estimate (one word per token); the server's <c>usage</c> says what it counted.</summary>
    Estimate,
}
