using QuantBench.Results;
using QuantBench.Running;

namespace QuantBench.Reports;

/// <summary>
/// A run's output folder as the runner's sink: after every model a line in journal.jsonl and every report rewritten
/// (so an interrupted run leaves a valid results.json and report), and the reports once more at the end. An
/// exporter's failure never stops the run; its line is kept in <see cref="Failures"/>.
/// </summary>
public sealed class ResultsFolder(string directory, CompositeExporter exporters) : IRunSink
{
    public const string JournalFileName = "journal.jsonl";

    private readonly List<string> failures = [];

    public string Directory { get; } = directory;

    /// <summary>One line per exporter failure, each once, in the order they first happened.</summary>
    public IReadOnlyList<string> Failures => failures.Distinct().ToArray();

    public void ModelFinished(RunResult run, ModelResult model)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.AppendAllText(Path.Combine(Directory, JournalFileName), ResultsJson.SerializeLine(model) + "\n");
        failures.AddRange(exporters.Export(run, Directory));
    }

    public void RunFinished(RunResult run) => failures.AddRange(exporters.Export(run, Directory));
}
