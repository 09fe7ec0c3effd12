using System.Collections.Immutable;
using QuantBench.Reports.Exporters;
using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>Runs several exporters; one exporter's failure is reported and never stops the others.</summary>
public sealed class CompositeExporter(ImmutableArray<IExporter> exporters)
{
    /// <summary>Every exporter QuantBench ships, results.json first.</summary>
    public static CompositeExporter Default { get; } = new([new JsonExporter(), new MarkdownExporter(),
        new CsvExporter(), new LlamaBenchJsonExporter(), new LlamaBenchJsonlExporter(), new LlamaBenchSqlExporter()]);

    /// <summary>These exporters and then <paramref name="more"/>, e.g. ones from projects the core cannot reference.</summary>
    public CompositeExporter With(params IExporter[] more) => new([.. exporters, .. more]);

    /// <summary>Exports with each exporter; returns one line per exporter that failed.</summary>
    public IReadOnlyList<string> Export(RunResult run, string directory)
    {
        Directory.CreateDirectory(directory);
        var failures = new List<string>();
        foreach (var exporter in exporters)
        {
            try
            {
                exporter.Export(run, directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException or FormatException)
            {
                failures.Add($"{exporter.FileName}: {e.Message}");
            }
        }

        return failures;
    }
}
