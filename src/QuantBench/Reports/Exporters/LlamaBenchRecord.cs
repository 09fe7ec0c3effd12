using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Reports.Exporters;

/// <summary>
/// One llama-bench test result (a prefill test or a decode test of one model): its fields in llama-bench's order
/// and its raw samples (ns per test run, and the tokens/s each implies).
/// </summary>
public sealed record LlamaBenchRecord(ImmutableArray<LlamaBenchField> Fields, ImmutableArray<long> SamplesNs, ImmutableArray<double> SamplesTs)
{
    public LlamaBenchField this[string name] => Fields.First(f => f.Name == name);

    /// <summary>The sample arrays as JSON, as llama-bench appends them after the fields.</summary>
    public string SamplesNsJson => "[ " + string.Join(", ", SamplesNs.Select(v => v.ToString(CultureInfo.InvariantCulture))) + " ]";

    public string SamplesTsJson => "[ " + string.Join(", ", SamplesTs.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + " ]";
}
