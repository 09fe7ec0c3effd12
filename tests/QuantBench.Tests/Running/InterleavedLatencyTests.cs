using QuantBench.Latency;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Statistics;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Running;

public sealed class InterleavedLatencyTests
{
    private static readonly ModelDescriptor Baseline = new() { Path = "/m/f16.gguf", Label = "F16", BitsPerWeight = 16 };
    private static readonly ModelDescriptor Quantized = new() { Path = "/m/q4.gguf", Label = "Q4", BitsPerWeight = 4.5 };

    [Fact]
    public async Task Rounds_alternate_between_models_and_pool_their_samples()
    {
        var runner = new RoundRobinRunner();
        var settings = new BenchmarkSettings { PromptTokens = 8, OutputTokens = 5, WarmupRequests = 1, MeasuredRequests = 2, Interleave = true, InterleaveRounds = 3, Scenarios = [Scenario.Latency] };
        var results = await InterleavedLatency.RunAsync(runner, [Baseline, Quantized], settings, null, CancellationToken.None);

        Assert.Equal(["F16", "Q4", "F16", "Q4", "F16", "Q4"], runner.Order.ToArray());
        Assert.Equal(6, results[Quantized.Path].Latency!.Requests.Length);
        Assert.Equal(3, results[Quantized.Path].Latency!.WarmupRequests);
    }

    [Fact]
    public async Task Ratios_are_paired_by_round_so_drift_shared_by_both_cancels()
    {
        // The machine slows down every round (drift), but Q4 always decodes twice as fast as F16 within a round.
        var runner = new RoundRobinRunner();
        var settings = new BenchmarkSettings { PromptTokens = 8, OutputTokens = 5, WarmupRequests = 0, MeasuredRequests = 3, Interleave = true, InterleaveRounds = 6, Scenarios = [Scenario.Latency] };
        var results = await InterleavedLatency.RunAsync(runner, [Baseline, Quantized], settings, null, CancellationToken.None);

        var decode = results[Quantized.Path].PairedRatios.Single(r => r.Figure == "tg t/s").Estimate;
        Assert.Equal(2.0, decode.Ratio, 6);
        Assert.Equal(ComparisonVerdict.Faster, decode.Verdict);
        Assert.Equal("F16", results[Quantized.Path].PairedRatios[0].Baseline);
    }

    /// <summary>Runs each job with a scripted backend: F16 decodes with 2 ms gaps, Q4 with 1 ms, both slowed by the round number.</summary>
    private sealed class RoundRobinRunner : IModelRunner
    {
        private readonly Dictionary<string, int> rounds = [];

        public List<string> Order { get; } = [];

        public Task<ModelResult> RunAsync(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
        {
            Order.Add(job.Model.Label);
            int round = rounds[job.Model.Path] = rounds.GetValueOrDefault(job.Model.Path) + 1;
            double gap = (job.Model.Label == "F16" ? 2.0 : 1.0) * round;
            var backend = new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 3 * round, 4 * round, gap));
            return Task.FromResult(new ModelBenchmark(backend).Run(job.Model, job.Settings, progress, cancellationToken));
        }
    }
}
