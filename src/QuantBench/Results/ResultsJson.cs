using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantBench.Results;

/// <summary>The one JSON shape of QuantBench's results: camelCase, enums as names, NaN allowed for undefined figures.</summary>
public static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: true);

    private static JsonSerializerOptions LineOptions { get; } = CreateOptions(indented: false);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>One value on one line, for the journal (JSON Lines).</summary>
    public static string SerializeLine<T>(T value) => JsonSerializer.Serialize(value, LineOptions);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("the JSON document is empty");

    /// <summary>Reads a results.json, or the results.json inside a results folder.</summary>
    public static RunResult ReadRun(string path)
    {
        string file = Directory.Exists(path) ? System.IO.Path.Combine(path, "results.json") : path;
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"no results file at {file}", file);
        }

        try
        {
            var run = Deserialize<RunResult>(File.ReadAllText(file));
            if (run.SchemaVersion > RunResult.CurrentSchemaVersion)
            {
                throw new InvalidDataException($"{file}: schema version {run.SchemaVersion} is newer than this QuantBench reads ({RunResult.CurrentSchemaVersion})");
            }

            return run;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: not a QuantBench results file ({e.Message})", e);
        }
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
