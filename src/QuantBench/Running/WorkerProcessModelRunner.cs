using System.Diagnostics;
using QuantBench.Progress;
using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>
/// Measures each model in a fresh worker process, so that one model's memory never inflates another's
/// peak and a native crash, an out-of-memory kill or a hang fails that model alone.
/// </summary>
public sealed class WorkerProcessModelRunner(WorkerCommand command) : IModelRunner
{
    // Enough for llama.cpp's abort message to survive the backtrace printed after it.
    private const int StderrLinesKept = 200;

    public async Task<ModelResult> RunAsync(WorkerJob job, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var model = job.Model;
        var settings = job.Settings;
        string directory = Directory.CreateTempSubdirectory("quantbench-worker-").FullName;
        try
        {
            string jobPath = Path.Combine(directory, "job.json");
            string resultPath = Path.Combine(directory, "result.json");
            await File.WriteAllTextAsync(jobPath, ResultsJson.Serialize(job), cancellationToken).ConfigureAwait(false);

            var start = new ProcessStartInfo(command.FileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in command.LeadingArguments.Concat(["worker", "--job", jobPath, "--out", resultPath]))
            {
                start.ArgumentList.Add(argument);
            }

            var stderrTail = new Queue<string>();
            using var process = new Process { StartInfo = start };
            WorkerMemoryWatch? memory = null;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && WorkerProtocol.TryParseProgress(line, model.Label, out var update))
                {
                    memory?.MarkPhase(update.Phase);
                    progress?.Report(update);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (stderrTail)
                {
                    stderrTail.Enqueue(e.Data);
                    if (stderrTail.Count > StderrLinesKept)
                    {
                        stderrTail.Dequeue();
                    }
                }
            };

            if (!process.Start())
            {
                return ModelResult.Failed(model, $"could not start the worker process ({command.FileName})");
            }

            if (settings.CpuMask is { } cpuMask && BenchmarkSettings.TryParseCpuMask(cpuMask, out long mask)
                && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
            {
                // Set before llama.cpp creates its threads (the worker loads the runtime first), which inherit it.
                process.ProcessorAffinity = (nint)mask;
            }

            using var watch = memory = new WorkerMemoryWatch(process.Id);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.ModelTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return ModelResult.Failed(model, $"the worker did not finish within {settings.ModelTimeout.TotalSeconds:0} s and was killed");
            }

            watch.Stop();
            if (process.ExitCode == 0 && File.Exists(resultPath))
            {
                var result = ResultsJson.Deserialize<ModelResult>(await File.ReadAllTextAsync(resultPath, CancellationToken.None).ConfigureAwait(false));
                return watch.Merge(result);
            }

            string[] tail;
            lock (stderrTail)
            {
                tail = stderrTail.ToArray();
            }

            return ModelResult.Failed(model, WorkerFailure.Describe(process.ExitCode, tail));
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder that cannot be removed loses nothing measured.
            }
        }
    }
}
