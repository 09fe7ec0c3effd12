using System.Globalization;

namespace QuantBench.Running;

/// <summary>The worker's progress lines on standard output: <c>@progress phase done total</c>.</summary>
public static class WorkerProtocol
{
    private const string Prefix = "@progress ";

    public static string FormatProgress(BenchmarkProgress progress) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{progress.Phase} {progress.Done} {progress.Total}");

    public static bool TryParseProgress(string line, string model, out BenchmarkProgress progress)
    {
        progress = null!;
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string[] parts = line[Prefix.Length..].Split(' ');
        if (parts.Length != 3
            || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int done)
            || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int total))
        {
            return false;
        }

        progress = new BenchmarkProgress(model, parts[0], done, total);
        return true;
    }
}
