namespace QuantBench.Progress;

/// <summary>The display names of <see cref="BenchmarkPhase"/>: what the console and the memory-by-phase table show.</summary>
public static class BenchmarkPhaseNames
{
    public static string Name(this BenchmarkPhase phase) => phase switch
    {
        BenchmarkPhase.Generate => "generate",
        BenchmarkPhase.Quantize => "quantize",
        BenchmarkPhase.Baseline => "baseline",
        BenchmarkPhase.Load => "load",
        BenchmarkPhase.WarmUp => "warm-up",
        BenchmarkPhase.Measure => "measure",
        BenchmarkPhase.Prefill => "prefill",
        BenchmarkPhase.Decode => "decode",
        BenchmarkPhase.Finish => "finish",
        BenchmarkPhase.SampleText => "sample text",
        BenchmarkPhase.Quality => "quality",
        BenchmarkPhase.BatchSweep => "batch sweep",
        BenchmarkPhase.MixedLoad => "mixed load",
        BenchmarkPhase.ContextDepth => "context depth",
        BenchmarkPhase.Tasks => "tasks",
        BenchmarkPhase.Round => "round",
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "unknown benchmark phase"),
    };
}
