using QuantBench.Latency;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Statistics;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Running;

public sealed class ModelBenchmarkTests
{
    private static readonly ModelDescriptor Model = new() { Path = "/models/fake.gguf", Label = "fake" };

    private static readonly BenchmarkSettings Settings = new() { PromptTokens = 16, OutputTokens = 5, WarmupRequests = 2, MeasuredRequests = 4 };

    [Fact]
    public void Warm_up_requests_are_run_but_not_recorded()
    {
        // Warm-up requests are slow (100 ms gaps); measured ones have 10 ms gaps.
        var backend = new ScriptedBackend((i, r) => ScriptedBackend.Uniform(r, 5, 6, i < 2 ? 100 : 10));
        var result = new ModelBenchmark(backend).Run(Model, Settings, null, CancellationToken.None);

        // 2 warm-up + 4 measured + 1 untimed memory probe.
        Assert.Equal(7, backend.Requests.Count);
        Assert.Equal(4, result.Latency!.Requests.Length);
        Assert.All(result.Latency.Requests, r => Assert.Equal(10.0, r.TimePerOutputTokenMs, 9));
    }

    [Fact]
    public void Statistics_summarise_the_measured_requests()
    {
        // Measured TTFTs are 10, 20, 30, 40 ms.
        var backend = new ScriptedBackend((i, r) => ScriptedBackend.Uniform(r, 5, i < 2 ? 1 : 10 * (i - 1), 2));
        var latency = new ModelBenchmark(backend).Run(Model, Settings, null, CancellationToken.None).Latency!;

        Assert.Equal(25.0, latency.TimeToFirstTokenMs.Mean, 9);
        Assert.Equal(25.0, latency.TimeToFirstTokenMs.Median, 9);
        Assert.Equal(10.0, latency.TimeToFirstTokenMs.Min, 9);
        Assert.Equal(40.0, latency.TimeToFirstTokenMs.Max, 9);
        Assert.Equal(Math.Sqrt(500.0 / 3.0), latency.TimeToFirstTokenMs.StandardDeviation, 9);
        Assert.Equal(4 * 4, latency.InterTokenGapMs.N);
        Assert.Equal("pp16", latency.PrefillTestName);
        Assert.Equal("tg5", latency.DecodeTestName);
    }

    [Fact]
    public void Every_request_has_the_asked_shape_and_the_same_seeded_prompt()
    {
        var backend = new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 1, 2, 1));
        new ModelBenchmark(backend).Run(Model, Settings, null, CancellationToken.None);

        Assert.All(backend.Requests, r => Assert.Equal(16, r.PromptLength));
        Assert.All(backend.Requests, r => Assert.Equal(5, r.OutputTokens));
        Assert.All(backend.Requests, r => Assert.Equal(backend.Requests[0].PromptTokens, r.PromptTokens));
        Assert.Equal(1, backend.Requests[0].PromptTokens[0]);
    }

    [Fact]
    public void A_model_the_engine_refuses_becomes_a_failed_result()
    {
        var backend = new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 1, 2, 1)) { RefuseWith = "unknown model architecture: 'mamba9'" };
        var result = new ModelBenchmark(backend).Run(Model, Settings, null, CancellationToken.None);

        Assert.Equal(ModelStatus.Failed, result.Status);
        Assert.Contains("mamba9", result.Failure);
        Assert.Null(result.Latency);
    }

    [Fact]
    public void Memory_is_read_from_the_process_and_the_peak_is_at_least_the_resident_set()
    {
        var backend = new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 1, 2, 1));
        var memory = new ModelBenchmark(backend).Run(Model, Settings, null, CancellationToken.None).Memory!;

        Assert.True(memory.ResidentAfterLoadBytes > 0);
        Assert.True(memory.PeakResidentBytes >= memory.ResidentAfterLoadBytes);
        Assert.Equal(["baseline", "load", "warm-up", "measure", "prefill", "decode"], memory.Phases.Select(p => p.Phase).ToArray());
        Assert.All(memory.Phases, p => Assert.True(p.KernelPeakResidentBytes is null or > 0));
    }

    [Fact]
    public void Adaptive_measurement_stops_at_the_minimum_when_every_request_takes_the_same_time()
    {
        var backend = new ScriptedBackend((_, r) => ScriptedBackend.Uniform(r, 5, 6, 2));
        var settings = Settings with { WarmupRequests = 1, MeasuredRequests = null };
        var latency = new ModelBenchmark(backend).Run(Model, settings, null, CancellationToken.None).Latency!;

        Assert.Equal(settings.Stopping.MinRuns, latency.Requests.Length);
        Assert.True(latency.Stopping!.Adaptive);
        Assert.True(latency.Stopping.TargetMet);
    }

    [Fact]
    public void Adaptive_measurement_keeps_going_while_requests_are_noisy_and_stops_at_the_run_bound()
    {
        // Gaps alternate between 1 and 9 ms: the interval never narrows to 2% of the median.
        var backend = new ScriptedBackend((i, r) => ScriptedBackend.Uniform(r, 5, 6, i % 2 == 0 ? 1 : 9));
        var settings = Settings with { WarmupRequests = 0, MeasuredRequests = null, Stopping = new() { MinRuns = 5, MaxRuns = 12 } };
        var result = new ModelBenchmark(backend).Run(Model, settings, null, CancellationToken.None);

        Assert.Equal(12, result.Latency!.Requests.Length);
        Assert.False(result.Latency.Stopping!.TargetMet);
        Assert.Equal(StoppingReason.MaxRuns, result.Latency.Stopping.Reason);
        Assert.Contains(result.Warnings, w => w.Contains("precision target"));
    }

    [Fact]
    public void Adaptive_warm_up_continues_while_requests_keep_getting_faster()
    {
        // Requests get faster for the first six, then stay flat.
        var backend = new ScriptedBackend((i, r) => ScriptedBackend.Uniform(r, 5, 6, Math.Max(1, 64 >> i)));
        var settings = Settings with { WarmupRequests = null, MeasuredRequests = 3 };
        var latency = new ModelBenchmark(backend).Run(Model, settings, null, CancellationToken.None).Latency!;

        Assert.True(latency.WarmupRequests >= 6, $"warmed up only {latency.WarmupRequests} requests");
        Assert.All(latency.Requests, r => Assert.Equal(1.0, r.TimePerOutputTokenMs, 9));
    }
}
