using System.Globalization;
using QuantBench.Tasks;

namespace QuantBench.Decisions;

/// <summary>
/// A limit on one task file's accuracy, as given to <c>recommend</c>: <c>TASK=VALUE</c>, TASK a kind
/// (<c>hellaswag</c>, <c>winogrande</c>, <c>mc</c>) or a task file's name, VALUE a fraction (<c>0.30</c>) or a
/// percentage (<c>30%</c>).
/// </summary>
/// <param name="Fraction">The limit as a fraction, 0 to 1.</param>
public sealed record TaskLimit(string Task, double Fraction)
{
    /// <summary>Parses <c>TASK=VALUE</c>; throws <see cref="FormatException"/> with a one-line reason.</summary>
    public static TaskLimit Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            throw new FormatException($"'{text}' is not TASK=VALUE (e.g. hellaswag=0.30 or winogrande=2%)");
        }

        string task = text[..equals].Trim();
        string value = text[(equals + 1)..].Trim();
        bool percent = value.EndsWith('%');
        if (!double.TryParse(percent ? value[..^1] : value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            throw new FormatException($"'{value}' in '{text}' is not a number");
        }

        double fraction = percent ? number / 100 : number;
        if (fraction is < 0 or > 1)
        {
            throw new FormatException($"'{value}' in '{text}' is outside 0 to 1 (or 0% to 100%)");
        }

        return new TaskLimit(task, fraction);
    }

    /// <summary>Whether the limit names this task file: by its kind or by its file name.</summary>
    public bool Names(TaskKind kind, string fileName) =>
        string.Equals(Task, fileName, StringComparison.Ordinal) || Task.ToLowerInvariant() switch
        {
            "hellaswag" => kind == TaskKind.HellaSwag,
            "winogrande" => kind == TaskKind.Winogrande,
            "mc" or "multiple-choice" => kind == TaskKind.MultipleChoice,
            _ => false,
        };

    public override string ToString() => $"{Task}={Fraction.ToString("0.####", CultureInfo.InvariantCulture)}";
}
