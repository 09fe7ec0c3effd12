using QuantBench.Cli;
using QuantBench.Results;
using Spectre.Console.Testing;

namespace QuantBench.IntegrationTests.EndToEnd;

/// <summary><c>quantbench run</c> end to end: real llama.cpp, real worker processes, real files.</summary>
public sealed class RunCommandTests(TinyLadder ladder) : IClassFixture<TinyLadder>
{
    private static readonly string[] QuickRequest =
        ["-p", "32", "-n", "8", "-w", "1", "-r", "3", "-t", "2", "--no-bandwidth", "--quality-ctx", "64", "--quality-tokens", "256"];

    [Fact]
    public async Task A_run_measures_every_model_in_its_own_worker_and_writes_every_report()
    {
        string output = Path.Combine(ladder.Directory, "run-" + Guid.NewGuid().ToString("N"));
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["run", ladder.BasePath, ladder.Q8Path, ladder.Q4Path, "-o", output, .. QuickRequest]);

        Assert.True(exit == 0, console.Output);
        var run = ResultsJson.ReadRun(output);
        Assert.Equal(3, run.Models.Length);
        Assert.All(run.Models, m => Assert.Equal(ModelStatus.Succeeded, m.Status));
        Assert.All(run.Models, m => Assert.Equal(3_660_032, m.Model.ParameterCount));
        Assert.All(run.Models, m => Assert.Equal(3, m.Latency!.Requests.Length));
        Assert.All(run.Models, m => Assert.All(m.Latency!.Requests, r => Assert.Equal(7, r.InterTokenGapsMs.Length)));
        Assert.All(run.Models, m => Assert.True(m.Memory!.PeakResidentBytes > m.Memory.BaselineResidentBytes));
        Assert.All(run.Models, m => Assert.False(string.IsNullOrEmpty(m.Model.Sha256)));

        // The F32 model is the quality baseline; the quantized ones are compared with it.
        Assert.Null(run.Models[0].Quality!.KlDivergence);
        Assert.True(run.Models[1].Quality!.KlDivergence!.MeanKld < run.Models[2].Quality!.KlDivergence!.MeanKld, "Q8_0 should stray less than Q4_K_M");
        foreach (string file in new[] { "results.json", "report.md", "report.html", "results.csv", "llama-bench.json", "journal.jsonl", "plan.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }
    }

    [Fact]
    public async Task A_resumed_run_measures_only_what_is_missing()
    {
        string output = Path.Combine(ladder.Directory, "resume-" + Guid.NewGuid().ToString("N"));
        var first = new TestConsole().Width(400);
        Assert.Equal(0, await QuantBenchApp.Create(first).RunAsync(["run", ladder.BasePath, ladder.Q4Path, "-o", output, "--scenarios", "latency", .. QuickRequest]));

        // Pretend the run was interrupted after its first model.
        var complete = ResultsJson.ReadRun(output);
        File.WriteAllText(Path.Combine(output, "results.json"), ResultsJson.Serialize(complete with { Models = [complete.Models[0]] }));

        var second = new TestConsole().Width(400);
        Assert.Equal(0, await QuantBenchApp.Create(second).RunAsync(["run", "--resume", output]));
        var resumed = ResultsJson.ReadRun(output);
        Assert.Equal(2, resumed.Models.Length);
        Assert.Equal(complete.Models[0].Latency!.Requests[0].EndToEndMs, resumed.Models[0].Latency!.Requests[0].EndToEndMs);
        Assert.Contains("1 of 2 models already measured", second.Output);
    }

    [Theory]
    [InlineData("missing.gguf", "no such file")]
    [InlineData("not-gguf.gguf", "not a GGUF file")]
    public async Task Bad_model_files_are_one_line_errors_with_exit_code_2(string name, string expected)
    {
        string path = Path.Combine(ladder.Directory, name);
        if (name == "not-gguf.gguf")
        {
            File.WriteAllText(path, "hello, this is text");
        }

        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["run", path]);
        Assert.Equal(2, exit);
        Assert.Contains(expected, console.Output);
        Assert.Single(console.Output.Trim().Split('\n'));
    }

    [Fact]
    public async Task An_unknown_architecture_fails_that_model_alone()
    {
        // A valid GGUF whose architecture llama.cpp does not know: llama.cpp refuses it in the worker.
        string path = Path.Combine(ladder.Directory, "unknown-arch.gguf");
        var file = Gguf.GgufReader.Read(ladder.Q4Path);
        byte[] bytes = File.ReadAllBytes(ladder.Q4Path);
        byte[] from = System.Text.Encoding.UTF8.GetBytes("llama.");
        byte[] to = System.Text.Encoding.UTF8.GetBytes("zlama.");
        Replace(bytes, System.Text.Encoding.UTF8.GetBytes("\u0005\0\0\0\0\0\0\0llama"), System.Text.Encoding.UTF8.GetBytes("\u0005\0\0\0\0\0\0\0zlama"));
        for (int i = 0; i + from.Length <= file.DataOffsetBytes; i++)
        {
            if (bytes.AsSpan(i, from.Length).SequenceEqual(from))
            {
                to.CopyTo(bytes, i);
            }
        }

        File.WriteAllBytes(path, bytes);
        string output = Path.Combine(ladder.Directory, "arch-" + Guid.NewGuid().ToString("N"));
        var console = new TestConsole().Width(400);
        int exit = await QuantBenchApp.Create(console).RunAsync(["run", path, ladder.Q8Path, "-o", output, "--scenarios", "latency", .. QuickRequest]);

        Assert.Equal(1, exit);
        var run = ResultsJson.ReadRun(output);
        Assert.Equal(ModelStatus.Failed, run.Models[0].Status);
        Assert.Contains("zlama", run.Models[0].Failure);
        Assert.Equal(ModelStatus.Succeeded, run.Models[1].Status);
    }

    private static void Replace(byte[] bytes, byte[] from, byte[] to)
    {
        for (int i = 0; i + from.Length <= bytes.Length; i++)
        {
            if (bytes.AsSpan(i, from.Length).SequenceEqual(from))
            {
                to.CopyTo(bytes, i);
                return;
            }
        }
    }
}
