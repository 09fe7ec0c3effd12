using System.Text.Json;
using QuantBench.Progress;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>
/// The worker's progress lines on standard output: <c>@progress {"phase":"BatchSweep","done":1,"total":4}</c>,
/// one JSON object a line. The parent adds the model's label, which it already knows.
/// </summary>
public static class WorkerProtocol
{
    private const string Prefix = "@progress ";

    public static string FormatProgress(BenchmarkProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return Prefix + ResultsJson.SerializeLine(new WorkerProgressLine(progress.Phase, progress.Done, progress.Total));
    }

    public static bool TryParseProgress(string line, string model, out BenchmarkProgress progress)
    {
        progress = null!;
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var parsed = ResultsJson.Deserialize<WorkerProgressLine>(line[Prefix.Length..]);
            if (!Enum.IsDefined(parsed.Phase))
            {
                return false;
            }

            progress = new BenchmarkProgress(model, parsed.Phase, parsed.Done, parsed.Total);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record WorkerProgressLine(BenchmarkPhase Phase, int Done, int Total);
}
