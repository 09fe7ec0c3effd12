using QuantBench.Charts.Html;
using QuantBench.Reports;

namespace QuantBench.Cli;

/// <summary>The exporters the command line writes with: the core's, then those needing native libraries (charts).</summary>
internal static class ReportExporters
{
    public static CompositeExporter All { get; } = CompositeExporter.Default.With(new HtmlExporter());
}
