using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>Writes a run's results in one format into an output folder.</summary>
public interface IExporter
{
    /// <summary>The file it writes, e.g. <c>report.md</c>.</summary>
    string FileName { get; }

    void Export(RunResult run, string directory);
}
