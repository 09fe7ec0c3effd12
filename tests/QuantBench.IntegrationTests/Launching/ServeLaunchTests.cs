using QuantBench.Cli;
using QuantBench.Memory;
using QuantBench.Results;
using Spectre.Console.Testing;

namespace QuantBench.IntegrationTests.Launching;

/// <summary><c>serve --launch</c> end to end on a Python stand-in for an OpenAI server: levels, interrupts, the embedded default.</summary>
public sealed class ServeLaunchTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quantbench-serve-launch-").FullName;

    [SkippableFact]
    public async Task An_interrupted_ladder_stops_its_server_keeps_the_finished_levels_and_exits_130()
    {
        Skip.If(ScriptedServers.Python3 is null, "python3 is not on PATH");
        string script = ScriptedServers.WriteCompletionsServer();
        string fast = Model("fast.gguf", "0.001");
        string slow = Model("slow.gguf", "0.5");
        string output = Path.Combine(_folder, "out");
        using var cancel = new CancellationTokenSource();
        var console = new TestConsole().Width(400);
        var run = QuantBenchApp.Create(console).RunAsync(
            ["serve", "--launch", $"python3 {script} {{port}} 0.001 {{model}}", "--launch-model", fast, "--launch-model", slow,
             "--concurrency", "1,2", "--requests", "4", "--warmup", "0", "-p", "16", "-n", "8", "--no-early-stop", "-o", output], cancel.Token);

        // Interrupt once the slow level's server has a request in hand (bounded: 60 s at most).
        string slowLog = Path.Combine(output, "slow", "server.log");
        for (int i = 0; i < 1200 && !run.IsCompleted && !(File.Exists(slowLog) && File.ReadAllText(slowLog).Contains("prompt ", StringComparison.Ordinal)); i++)
            await Task.Delay(50);
        await cancel.CancelAsync();
        int exit = await run;

        Assert.True(exit == 130, console.Output);
        Assert.Contains("Interrupted", console.Output);
        Assert.DoesNotContain("A task was canceled", console.Output);
        var ladder = ResultsJson.ReadRun(output).Ladder!;
        Assert.True(ladder.Interrupted);
        Assert.Equal(["fast", "slow"], ladder.Levels.Select(l => l.Level).ToArray());
        var finished = ladder.Levels[0];
        Assert.Null(finished.Failure);
        Assert.Equal([4, 4], finished.Points.Select(p => p.Metrics.Succeeded).ToArray());
        Assert.True(File.Exists(Path.Combine(output, "fast", "results.json")));
        Assert.Contains("| fast |", File.ReadAllText(Path.Combine(output, "report.md")));
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.Empty(Running(script));
    }

    [SkippableFact]
    public async Task With_no_model_the_embedded_default_ladder_is_made_and_every_level_served()
    {
        Skip.If(ScriptedServers.Python3 is null, "python3 is not on PATH");
        string script = ScriptedServers.WriteCompletionsServer();
        string output = Path.Combine(_folder, "default");
        string cache = Path.Combine(_folder, "cache");
        var console = new TestConsole().Width(400);

        int exit = await QuantBenchApp.Create(console).RunAsync(
            ["serve", "--launch", $"python3 {script} {{port}} 0.001 {{model}}", "--preset", "tiny", "--types", "q8_0", "--cache", cache,
             "--concurrency", "1", "--requests", "3", "--warmup", "0", "-p", "16", "-n", "4", "-o", output]);

        Assert.True(exit == 0, console.Output);
        var run = ResultsJson.ReadRun(output);
        Assert.True(run.SyntheticWeights);
        Assert.Equal(["F32", "Q8_0"], run.Ladder!.Levels.Select(l => l.Level).ToArray());
        Assert.All(run.Ladder.Levels, l =>
        {
            Assert.StartsWith(cache, l.ModelPath!, StringComparison.Ordinal);
            Assert.Equal(new FileInfo(l.ModelPath!).Length, l.FileBytes);
            Assert.Equal(3, l.Points.Single().Metrics.Succeeded);
            Assert.True(l.Memory!.PeakResidentBytes > 0);
            // The same requests for every level, sent as the server's token ids (the stand-in logs each prompt's form).
            string log = File.ReadAllText(l.LogPath);
            Assert.Contains("prompt ids 16", log);
            Assert.DoesNotContain("prompt text", log);
        });
        Assert.True(run.Ladder.Target.PromptTokenIds);
    }

    private string Model(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static List<int> Running(string script)
    {
        var found = new List<int>();
        foreach (var pid in Directory.GetDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
        {
            try
            {
                var cmd = File.ReadAllText(Path.Combine(pid, "cmdline")).Replace('\0', ' ');
                if (cmd.Contains(script, StringComparison.Ordinal) && ProcessStatLine.TryParse(File.ReadAllText(Path.Combine(pid, "stat"))) is { IsZombie: false })
                    found.Add(int.Parse(Path.GetFileName(pid), System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
