using System.Globalization;
using System.Text;

namespace QuantBench.Reports.Exporters;

/// <summary>One named value of a llama-bench record, already written in the invariant culture (booleans as 0/1).</summary>
public sealed record LlamaBenchField(string Name, LlamaBenchFieldKind Kind, string Value)
{
    public static LlamaBenchField Text(string name, string value) => new(name, LlamaBenchFieldKind.Text, value);

    public static LlamaBenchField Integer(string name, long value) => new(name, LlamaBenchFieldKind.Integer, value.ToString(CultureInfo.InvariantCulture));

    public static LlamaBenchField Boolean(string name, bool value) => new(name, LlamaBenchFieldKind.Boolean, value ? "1" : "0");

    /// <summary>Six decimals, as llama-bench's <c>std::to_string</c> writes them.</summary>
    public static LlamaBenchField Real(string name, double value) => new(name, LlamaBenchFieldKind.Real, value.ToString("F6", CultureInfo.InvariantCulture));

    /// <summary>The SQL type llama-bench declares for the field.</summary>
    public string SqlType => Kind switch
    {
        LlamaBenchFieldKind.Text => "TEXT",
        LlamaBenchFieldKind.Real => "REAL",
        _ => "INTEGER",
    };

    public string JsonValue => Kind switch
    {
        LlamaBenchFieldKind.Text => JsonString(Value),
        LlamaBenchFieldKind.Boolean => Value == "0" ? "false" : "true",
        _ => Value,
    };

    public string SqlValue => Kind == LlamaBenchFieldKind.Text ? "'" + Value.Replace("'", "''", StringComparison.Ordinal) + "'" : Value;

    /// <summary>A JSON string literal; escapes quotes, backslashes and control characters, keeps other text as is.</summary>
    public static string JsonString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
