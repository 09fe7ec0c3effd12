using System.ComponentModel;
using QuantBench.LlamaCpp;
using QuantBench.Progress;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>
/// The worker side of process isolation: measures one model described by a job file and writes its
/// result. Progress goes to standard output, llama.cpp's log and errors to standard error.
/// </summary>
internal sealed class WorkerModeCommand : AsyncCommand<WorkerModeCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--job <FILE>")]
        [Description("The job file written by the parent.")]
        public string Job { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("Where to write the model's result.")]
        public string Out { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var job = ResultsJson.Deserialize<WorkerJob>(await File.ReadAllTextAsync(settings.Job, cancellationToken));
            var backend = new LlamaCppBackend(nativeLogEcho: Console.Error);
            var progress = new SynchronousProgress<BenchmarkProgress>(p => Console.Out.WriteLine(WorkerProtocol.FormatProgress(p)));
            var result = WorkerJobRunner.Run(backend, job, progress, cancellationToken);
            AtomicFile.WriteAllText(settings.Out, ResultsJson.Serialize(result));
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("error: " + ErrorReporter.OneLine(e.Message));
            return 1;
        }
    }
}
