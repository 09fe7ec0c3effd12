using QuantBench.Charts.Html;
using QuantBench.Reports;

namespace QuantBench.Cli;

/// <summary>The exporters every run and every <c>report</c> writes: core's, plus report.html and its charts.</summary>
internal static class CliExporters
{
    internal static CompositeExporter Default { get; } = CompositeExporter.Default.With(new HtmlExporter());

    /// <summary>A serving sweep or a launched ladder has no models, so no CSV or llama-bench files: results.json, report.md and report.html.</summary>
    internal static CompositeExporter Serving { get; } = new([new JsonExporter(), new MarkdownExporter(), new HtmlExporter()]);

    internal static CompositeExporter For(QuantBench.Results.RunResult run) => run.Serving is null && run.Ladder is null ? Default : Serving;
}
