using System.Text;
using System.Text.Json;

namespace QuantBench.OpenAi;

/// <summary>
/// Reads one SSE event's data as an OpenAI streaming chunk (completions or chat), with llama-server's extras
/// (<c>timings</c>, <c>tokens_predicted</c>). Throws <see cref="JsonException"/> for data that is not such a chunk.
/// </summary>
internal static class StreamChunkParser
{
    private static readonly byte[] DoneMarker = "[DONE]"u8.ToArray();

    public static StreamChunk Parse(ReadOnlySpan<byte> data)
    {
        var trimmed = data.Trim((byte)' ');
        if (trimmed.IsEmpty)
        {
            return new StreamChunk { Empty = true };
        }

        if (trimmed.SequenceEqual(DoneMarker))
        {
            return new StreamChunk { Done = true };
        }

        var reader = new Utf8JsonReader(trimmed);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"expected a JSON object, got {root.ValueKind}");
        }

        if (root.TryGetProperty("error", out var error))
        {
            return ParseError(error);
        }

        int textLength = 0;
        string? finish = null;
        if (root.TryGetProperty("choices", out var choices))
        {
            if (choices.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("'choices' is not an array");
            }

            foreach (var choice in choices.EnumerateArray())
            {
                textLength += TextOf(choice, "text");
                if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
                {
                    textLength += TextOf(delta, "content") + TextOf(delta, "reasoning_content");
                }

                if (choice.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String)
                {
                    finish = f.GetString();
                }
            }
        }
        else if (!root.TryGetProperty("usage", out _) && !root.TryGetProperty("content", out _))
        {
            throw new JsonException("a chunk with neither 'choices' nor 'usage'");
        }

        // llama-server's native /completion stream puts text in 'content'.
        textLength += TextOf(root, "content");
        var chunk = new StreamChunk
        {
            TextLength = textLength,
            FinishReason = finish,
            TokensPredicted = Int(root, "tokens_predicted"),
        };
        if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            chunk = chunk with { UsagePromptTokens = Int(usage, "prompt_tokens"), UsageCompletionTokens = Int(usage, "completion_tokens") };
        }

        if (root.TryGetProperty("timings", out var timings) && timings.ValueKind == JsonValueKind.Object)
        {
            chunk = chunk with
            {
                TimingsPromptTokens = Int(timings, "prompt_n"),
                TimingsPredictedTokens = Int(timings, "predicted_n"),
                TimingsPromptMs = Double(timings, "prompt_ms"),
                TimingsPredictedPerTokenMs = Double(timings, "predicted_per_token_ms"),
            };
        }

        return chunk;
    }

    private static StreamChunk ParseError(JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.String)
        {
            return new StreamChunk { ErrorMessage = error.GetString() };
        }

        string? message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
            ? m.GetString()
            : error.GetRawText();
        return new StreamChunk { ErrorMessage = message ?? "error", ErrorCode = error.ValueKind == JsonValueKind.Object ? Int(error, "code") : null };
    }

    private static int TextOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Length : 0;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int i) ? i : null;

    private static double? Double(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static string Snippet(ReadOnlySpan<byte> data) =>
        Encoding.UTF8.GetString(data.Length > 120 ? data[..120] : data).ReplaceLineEndings(" ");
}
