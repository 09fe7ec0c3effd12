using System.Collections.Immutable;
using System.Text.Json.Serialization;
using QuantBench.Engines;

namespace QuantBench.Throughput;

/// <summary>
/// What the throughput scenario measures: the batch-size sweep, the mixed load served by continuous
/// batching, and decode speed at context depths. Recorded with the results.
/// </summary>
public sealed record ThroughputSettings
{
    public bool RunBatchSweep { get; init; } = true;
    public bool RunMixedLoad { get; init; } = true;
    public bool RunContextDepth { get; init; } = true;

    /// <summary>
    /// P: prompt tokens per request (BOS then seeded random ids; request i uses seed + i). In a run it is the
    /// run's own (<c>BenchmarkSettings.ThroughputOptions</c>), so results.json records it once, in the run's settings.
    /// </summary>
    [JsonIgnore]
    public int PromptTokens { get; init; } = RequestDefaults.PromptTokens;

    /// <summary>N: tokens generated per request, forced; the run's own, as <see cref="PromptTokens"/>.</summary>
    [JsonIgnore]
    public int OutputTokens { get; init; } = RequestDefaults.OutputTokens;

    public ImmutableArray<int> BatchSizes { get; init; } = [1, 2, 4, 8, 16, 32];

    /// <summary>Measured runs of each batch size and of each depth (one unmeasured warm-up run precedes them).</summary>
    public int Repetitions { get; init; } = 1;

    /// <summary>Smallest relative throughput gain over a smaller batch size that still counts as growth (see <see cref="KneeDetector"/>).</summary>
    public double KneeMinimumGain { get; init; } = KneeDetector.DefaultMinimumGain;

    /// <summary>Memory the worker may use in all, in bytes; 0 takes MemAvailable at the time of the sweep.</summary>
    public long MemoryLimitBytes { get; init; }

    /// <summary>Requests per second of the Poisson arrivals; 0 picks 70% of the sweep's requests/s at <see cref="MaxConcurrency"/>.</summary>
    public double ArrivalRatePerSecond { get; init; }

    /// <summary>R: requests in the mixed load.</summary>
    public int MixedLoadRequests { get; init; } = 16;

    /// <summary>Most requests decoded together in the mixed load; later arrivals queue.</summary>
    public int MaxConcurrency { get; init; } = 8;

    public ImmutableArray<int> ContextDepths { get; init; } = [0, 512, 2048];

    /// <summary>Decode steps timed at each depth (the N of <c>tgN @ dD</c>).</summary>
    public int DepthDecodeTokens { get; init; } = 64;

    /// <summary>Seed of the prompts; the run's own, as <see cref="PromptTokens"/>.</summary>
    [JsonIgnore]
    public int Seed { get; init; } = RequestDefaults.Seed;

    /// <summary>Every problem with the settings, one line each; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PromptTokens < 1) problems.Add($"prompt tokens must be at least 1 (got {PromptTokens})");
        if (OutputTokens < 2) problems.Add($"generated tokens must be at least 2 so that TPOT is defined (got {OutputTokens})");
        if (RunBatchSweep && (BatchSizes.IsDefaultOrEmpty || BatchSizes.Any(b => b < 1)))
            problems.Add("batch sizes must be a non-empty list of positive numbers");
        if (Repetitions < 1) problems.Add($"repetitions must be at least 1 (got {Repetitions})");
        if (KneeMinimumGain < 0) problems.Add($"the knee's minimum gain cannot be negative (got {KneeMinimumGain})");
        if (MemoryLimitBytes < 0) problems.Add($"the memory limit cannot be negative (got {MemoryLimitBytes})");
        if (ArrivalRatePerSecond < 0 || double.IsNaN(ArrivalRatePerSecond) || double.IsInfinity(ArrivalRatePerSecond))
            problems.Add($"the arrival rate must be a positive number of requests per second, or 0 for automatic (got {ArrivalRatePerSecond})");
        if (RunMixedLoad && ArrivalRatePerSecond == 0 && !RunBatchSweep)
            problems.Add("an automatic arrival rate needs the batch sweep; give a rate or run the sweep");
        if (MixedLoadRequests < 1) problems.Add($"mixed-load requests must be at least 1 (got {MixedLoadRequests})");
        if (MaxConcurrency < 1) problems.Add($"the maximum concurrency must be at least 1 (got {MaxConcurrency})");
        if (RunContextDepth && (ContextDepths.IsDefaultOrEmpty || ContextDepths.Any(d => d < 0)))
            problems.Add("context depths must be a non-empty list of non-negative numbers");
        if (DepthDecodeTokens < 2) problems.Add($"depth decode tokens must be at least 2 (got {DepthDecodeTokens})");
        if (Seed < 0) problems.Add($"seed cannot be negative (got {Seed})");
        return problems;
    }
}
