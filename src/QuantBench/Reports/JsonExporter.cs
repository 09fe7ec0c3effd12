using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>results.json: the canonical record of a run, raw samples included. Written atomically.</summary>
public sealed class JsonExporter : IExporter
{
    public string FileName => "results.json";

    public void Export(RunResult run, string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), ResultsJson.Serialize(run));
}
