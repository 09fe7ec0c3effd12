using System.Text.Json;
using QuantBench.Serving;

namespace QuantBench.OpenAi;

/// <summary>The JSON body of a streamed completions or chat request, greedy, asking for usage in the stream.</summary>
internal static class OpenAiRequestBody
{
    public static byte[] Create(OpenAiClientOptions options, ServingRequest request)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (options.Model is { } model)
            {
                json.WriteString("model", model);
            }

            if (options.Api == ServingApi.Chat)
            {
                json.WriteStartArray("messages");
                json.WriteStartObject();
                json.WriteString("role", "user");
                json.WriteString("content", request.Prompt);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else if (!request.PromptTokenIds.IsDefaultOrEmpty)
            {
                // A prompt of token ids (llama-server, vLLM): the server tokenizes nothing, every level gets the same tokens.
                json.WriteStartArray("prompt");
                foreach (int id in request.PromptTokenIds)
                {
                    json.WriteNumberValue(id);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteString("prompt", request.Prompt);
            }

            json.WriteNumber("max_tokens", request.MaxTokens);
            json.WriteNumber("temperature", 0);
            json.WriteBoolean("stream", true);
            json.WriteStartObject("stream_options");
            json.WriteBoolean("include_usage", true);
            json.WriteEndObject();
            if (options.IgnoreEos)
            {
                json.WriteBoolean("ignore_eos", true);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
