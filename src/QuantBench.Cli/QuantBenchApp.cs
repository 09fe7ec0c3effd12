using System.Runtime.InteropServices;
using QuantBench.Cli.Commands;
using QuantBench.Cli.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli;

/// <summary>The <c>quantbench</c> command line: its commands, and the rule that errors are one line and a non-zero exit code.</summary>
internal static class QuantBenchApp
{
    /// <param name="console">Where to write; null: the terminal.</param>
    /// <param name="environment">What <c>run</c> measures with; null: llama.cpp in worker processes on this machine.</param>
    internal static CommandApp Create(IAnsiConsole? console = null, RunEnvironment? environment = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("quantbench");
            config.Settings.Registrar.RegisterInstance(environment ?? RunEnvironment.Local);
            config.SetHelpProvider(new ExitCodesHelpProvider(config.Settings));
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddCommand<RunCommand>("run")
                .WithDescription("Measure GGUF models; with no model, the embedded default: a synthetic model quantized into a ladder.")
                .WithExample("run")
                .WithExample("run", "a.gguf", "b.gguf", "--runs", "20");
            config.AddCommand<QuantizeCommand>("quantize")
                .WithDescription("Make a ladder of quantized models from an F32/F16/BF16 GGUF with llama.cpp's quantizer.")
                .WithExample("quantize", "base.gguf", "--types", "q8_0,q4_k_m", "-o", "ladder");
            config.AddCommand<SynthCommand>("synth")
                .WithDescription("Write a synthetic llama model with random weights (F32 GGUF).")
                .WithExample("synth", "--preset", "tiny", "-o", "tiny.gguf");
            config.AddCommand<InfoCommand>("info")
                .WithDescription("Print a GGUF model's architecture, parameters, tensor types, size and bits per weight.")
                .WithExample("info", "model.gguf");
            config.AddCommand<MachineCommand>("machine")
                .WithDescription("Print this machine's fingerprint and measure its memory bandwidth (the roofline's limit), as a run records them.")
                .WithExample("machine", "--rounds", "5");
            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Load-test OpenAI-compatible servers (llama-server, vLLM, ...): a concurrency or request-rate sweep with TTFT, ITL, TPOT, throughput, goodput and errors.")
                .WithExample("serve", "--url", "http://127.0.0.1:8080", "--concurrency", "1,2,4,8")
                .WithExample("serve", "--url", "http://a:8000", "--url", "http://b:8000", "--api", "chat", "--model", "m", "--rate", "1,2,4");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Regenerate the reports of a results folder or results.json without measuring anything.");
            config.AddCommand<RecommendCommand>("recommend")
                .WithDescription("The quantization level to choose under limits on memory, size, latency, speed and quality; the Pareto-optimal levels.")
                .WithExample("recommend", "results", "--max-memory", "8GiB", "--min-decode-tps", "20");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Compare two runs figure by figure, with ratios, intervals and significance; writes compare.md and compare.html.")
                .WithExample("compare", "old-results", "new-results", "-o", "diff");
            config.AddCommand<WorkerModeCommand>("worker").IsHidden();
            config.SetExceptionHandler((exception, _) => ErrorReporter.Report(console ?? AnsiConsole.Console, exception));
        });
        return app;
    }

    internal static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null)
    {
        if (console is null && Console.IsOutputRedirected)
        {
            // A log file has no width; the tables would otherwise wrap at 80 columns.
            AnsiConsole.Profile.Width = 200;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C stops the run cleanly (results so far are kept); a second one kills it.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        // SIGTERM (`timeout`, `kill`, a CI runner) stops the run as Ctrl-C does, so launched servers and workers are
        // stopped and the results so far written; a second SIGTERM ends the process at once.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        });
        // Awaited here: the token must outlive the command, not just this method's return.
        return await Create(console).RunAsync(args, cancellation.Token);
    }
}
