using System.Text;

namespace QuantBench.Launching;

/// <summary>
/// A shell command line that starts an inference server, with <c>{model}</c> and <c>{port}</c> placeholders,
/// e.g. <c>llama-server -m {model} --port {port} --host 127.0.0.1 -t 2 -c 2048 --parallel 8</c>.
/// The rendered line runs under <c>bash -c</c>, so the template may be a wrapper script or set variables.
/// </summary>
public sealed record ServerCommandTemplate(string Template)
{
    /// <summary>The placeholder replaced by the model path, shell-quoted.</summary>
    public const string ModelPlaceholder = "{model}";

    /// <summary>The placeholder replaced by the loopback port QuantBench chose.</summary>
    public const string PortPlaceholder = "{port}";

    /// <summary>Whether the template names the model (a server with a fixed model needs no <c>{model}</c>).</summary>
    public bool UsesModel => Template.Contains(ModelPlaceholder, StringComparison.Ordinal);

    /// <summary>Every problem with the template at once; empty when it can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Template))
        {
            problems.Add("The launch command is empty.");
            return problems;
        }

        if (!Template.Contains(PortPlaceholder, StringComparison.Ordinal))
            problems.Add($"The launch command must contain {PortPlaceholder}, the port QuantBench picks for each server.");
        return problems;
    }

    /// <summary>The command line for one server: <paramref name="modelPath"/> shell-quoted, the port as digits.</summary>
    public string Render(string? modelPath, int port)
    {
        if (UsesModel && modelPath is null)
            throw new ArgumentException($"The launch command contains {ModelPlaceholder} but no model was given.", nameof(modelPath));
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var line = Template.Replace(PortPlaceholder, port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return modelPath is null ? line : line.Replace(ModelPlaceholder, ShellQuote(modelPath), StringComparison.Ordinal);
    }

    /// <summary>Single-quotes <paramref name="value"/> for bash, so spaces and quotes in paths survive.</summary>
    internal static string ShellQuote(string value)
    {
        var quoted = new StringBuilder("'");
        foreach (var c in value)
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        return quoted.Append('\'').ToString();
    }
}
