using System.Diagnostics;
using System.Security.Cryptography;
using QuantBench.Results;
using QuantBench.Testing;

namespace QuantBench.IntegrationTests.EndToEnd;

/// <summary>
/// <c>--llama-lib</c>: the parent and every worker load the named llama.cpp build instead of the bundled one.
/// These run the CLI as a process of its own, because a process loads llama.cpp once and this one already has.
/// </summary>
public sealed class CustomLibraryTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "QuantBench.Cli.dll");

    // LLamaSharp's AVX2 build: on an AVX-512 machine the bundled loader would pick the AVX-512 one, so a report
    // without AVX512 = 1 proves that the named library, not the bundled choice, did the work.
    private static readonly string Avx2Folder = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "avx2");

    [Fact]
    public void A_run_with_a_named_library_measures_with_it_and_records_its_path_and_hash()
    {
        Assert.True(File.Exists(Path.Combine(Avx2Folder, "libllama.so")), "LLamaSharp's AVX2 build was not copied beside the tests");
        string output = Path.Combine(Path.GetTempPath(), "quantbench-lib-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, text) = RunCli("run", ReferenceModels.Path("tiny-Q4_0.gguf"), "--llama-lib", Avx2Folder, "--scenarios", "latency",
                "-p", "16", "-n", "4", "-w", "1", "-r", "3", "-t", "1", "--no-bandwidth", "-o", output);

            Assert.True(exit == 0, text);
            var run = ResultsJson.ReadRun(output);
            string library = Path.Combine(Avx2Folder, "libllama.so");
            Assert.Equal(library, run.Engine!.LibraryPath);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(library))), run.Engine.LibrarySha256);
            Assert.Equal("custom", run.Engine.NativeBuild);
            Assert.Contains("AVX2 = 1", run.Engine.SystemInfo, StringComparison.Ordinal);
            Assert.DoesNotContain("AVX512 = 1", run.Engine.SystemInfo, StringComparison.Ordinal);

            var model = Assert.Single(run.Models);
            Assert.Equal(ModelStatus.Succeeded, model.Status);
            Assert.Equal(library, model.Engine!.LibraryPath);
            Assert.DoesNotContain("AVX512 = 1", model.Engine.SystemInfo, StringComparison.Ordinal);
            Assert.Contains("--llama-lib", File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void A_file_that_is_not_a_library_is_one_line_and_exit_code_2()
    {
        string folder = Directory.CreateTempSubdirectory("quantbench-badlib-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "libllama.so"), "not a shared library");
            var (exit, text) = RunCli("run", ReferenceModels.Path("tiny-Q4_0.gguf"), "--llama-lib", folder, "--scenarios", "latency", "--no-bandwidth",
                "-o", Path.Combine(folder, "out"));

            Assert.Equal(2, exit);
            // One message (the console may wrap it at its width), no stack trace.
            string message = string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("error: llama.cpp could not be loaded from " + Path.Combine(folder, "libllama.so"), message, StringComparison.Ordinal);
            Assert.Equal(1, message.Split("error:").Length - 1);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Exit, string Output) RunCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Cli);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("quantbench did not finish in 3 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
