using System.Text.Json;
using System.Text.Json.Serialization;
using QuantBench.Statistics;

namespace QuantBench.Results;

/// <summary>
/// Writes a <see cref="StoppingReason"/> by name; also reads the free text of older results files, where an
/// interleaved run wrote "Interleaved (N rounds)".
/// </summary>
public sealed class StoppingReasonJsonConverter : JsonConverter<StoppingReason>
{
    private const string InterleavedPrefix = "Interleaved";

    public override StoppingReason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString() ?? throw new JsonException("a stopping reason is null");
        if (Enum.TryParse<StoppingReason>(text, ignoreCase: true, out var reason) && Enum.IsDefined(reason))
        {
            return reason;
        }

        return text.StartsWith(InterleavedPrefix, StringComparison.OrdinalIgnoreCase)
            ? StoppingReason.Interleaved
            : throw new JsonException($"unknown stopping reason '{text}'");
    }

    public override void Write(Utf8JsonWriter writer, StoppingReason value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
