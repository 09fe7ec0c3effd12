using QuantBench.Engines;
using QuantBench.Planning;
using QuantBench.Preparation;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Tests.Fakes;

namespace QuantBench.Tests.Planning;

public sealed class RunPlannerTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("quantbench-planner-").FullName;

    private static readonly BenchmarkSettings Settings = new() { PromptTokens = 8, OutputTokens = 4, Threads = 2, Scenarios = [Scenario.Latency] };

    private ModelDescriptor File(string name, long tensorBytes, string content)
    {
        string path = Path.Combine(directory, name);
        System.IO.File.WriteAllText(path, content);
        return new() { Path = path, Label = name, TensorBytes = tensorBytes, BitsPerWeight = 4, Layers = 2, KvHeads = 2, HeadDimension = 64, VocabularySize = 1000 };
    }

    private static RunPlanner Planner(FakeMachineProbe machine) =>
        new(machine, new EngineInfo("fake", "1", "b1", "cpu", "fake system"), "9.9.9");

    [Fact]
    public async Task A_model_that_cannot_fit_is_refused_with_its_estimate_and_force_measures_it()
    {
        var big = File("big", 64L << 30, "b");
        var small = File("small", 1 << 20, "s");
        var source = new FixedSource([big, small]);

        var plan = await Planner(new FakeMachineProbe(8L << 30)).PlanAsync(Settings, source, measureBandwidth: false, null, CancellationToken.None);
        var forced = await Planner(new FakeMachineProbe(8L << 30)).PlanAsync(Settings with { Force = true }, source, measureBandwidth: false, null, CancellationToken.None);

        var refusal = Assert.Single(plan.Refused);
        Assert.Equal(big.Path, refusal.Path);
        Assert.Contains("8.0 GiB is available", refusal.Reason);
        Assert.Contains("--force", refusal.Reason);
        Assert.Null(plan.RefusalOf(small));
        Assert.Empty(forced.Refused);
    }

    [Fact]
    public async Task The_plan_holds_hashed_models_the_machine_the_bandwidth_and_the_phases()
    {
        var model = File("m", 1 << 20, "abc");
        var machine = new FakeMachineProbe();

        var plan = await Planner(machine).PlanAsync(Settings, new FixedSource([model]), measureBandwidth: true, null, CancellationToken.None);

        // SHA-256 of "abc".
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", plan.Models.Single().Sha256);
        Assert.Equal("Fake CPU", plan.Machine!.CpuModel);
        Assert.Equal(20e9, plan.MemoryBandwidth!.BytesPerSecond);
        Assert.Equal(1, machine.BandwidthProbes);
        Assert.Equal(["prepare", "hash", "bandwidth"], plan.Phases.Select(p => p.Name));
        Assert.Equal("9.9.9", plan.ToolVersion);
        Assert.False(plan.SyntheticWeights);
        Assert.Empty(plan.Start().Models);
    }

    [Fact]
    public async Task No_bandwidth_probe_when_asked_not_to_and_a_synthetic_source_says_so()
    {
        var machine = new FakeMachineProbe();
        var source = new FixedSource([File("m", 1 << 20, "x")]) { Note = "Synthetic weights: random" };

        var plan = await Planner(machine).PlanAsync(Settings, source, measureBandwidth: false, null, CancellationToken.None);

        Assert.Null(plan.MemoryBandwidth);
        Assert.Equal(0, machine.BandwidthProbes);
        Assert.True(plan.SyntheticWeights);
        Assert.Contains("Synthetic weights: random", plan.Notes);
    }

    [Fact]
    public async Task The_plan_file_round_trips_and_resume_reads_back_the_plan()
    {
        var plan = await Planner(new FakeMachineProbe()).PlanAsync(Settings, new FixedSource([File("m", 1 << 20, "x")]), measureBandwidth: false, null, CancellationToken.None);
        string output = Path.Combine(directory, "out");

        RunPlanFile.Write(plan, output);
        var (read, reached) = RunPlanFile.Resume(output);

        Assert.Equal(plan.Models.Single().Sha256, read.Models.Single().Sha256);
        Assert.Equal(plan.Settings.PromptTokens, read.Settings.PromptTokens);
        Assert.Empty(reached.Models);
        Assert.Equal(plan.StartedUtc, reached.StartedUtc);
    }

    [Fact]
    public void A_plan_file_of_another_shape_is_a_one_line_reason()
    {
        System.IO.File.WriteAllText(Path.Combine(directory, RunPlanFile.FileName), "{\"models\":[],\"initial\":{}}");

        var error = Assert.Throws<InvalidDataException>(() => RunPlanFile.Resume(directory));

        Assert.Contains("not a plan this QuantBench can resume", error.Message);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private sealed class FixedSource(ModelDescriptor[] models) : IModelSource
    {
        public string? Note { get; init; }

        public string? SyntheticWeightsNote => Note;

        public Task<PreparedModels> PrepareAsync(int threads, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken) =>
            Task.FromResult(new PreparedModels([.. models], [new PhaseDuration("prepare", 0)]));
    }
}
