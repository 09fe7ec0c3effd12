namespace QuantBench.Serving;

/// <summary>The OpenAI-compatible endpoint a sweep streams from.</summary>
public enum ServingApi
{
    /// <summary><c>/v1/completions</c>: a prompt string, output in <c>choices[0].text</c>.</summary>
    Completions,

    /// <summary><c>/v1/chat/completions</c>: one user message, output in <c>choices[0].delta.content</c>.</summary>
    Chat,
}
