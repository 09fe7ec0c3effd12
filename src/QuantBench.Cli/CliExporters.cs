using QuantBench.Reports;

namespace QuantBench.Cli;

/// <summary>The exporters every run and every <c>report</c> writes.</summary>
internal static class CliExporters
{
    internal static CompositeExporter Default => CompositeExporter.Default;
}
