using QuantBench.Charts.Html;
using QuantBench.Reports;

namespace QuantBench.Cli;

/// <summary>The exporters every run and every <c>report</c> writes: core's, plus report.html and its charts.</summary>
internal static class CliExporters
{
    internal static CompositeExporter Default { get; } = CompositeExporter.Default.With(new HtmlExporter());
}
