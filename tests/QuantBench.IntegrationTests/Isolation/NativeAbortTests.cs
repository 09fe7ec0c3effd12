using QuantBench.Engines;
using QuantBench.Gguf;
using QuantBench.Preparation;
using QuantBench.Results;
using QuantBench.Running;
using QuantBench.Settings;
using QuantBench.Synthetic;

namespace QuantBench.IntegrationTests.Isolation;

/// <summary>A file that passes every managed check and makes llama.cpp abort: the model fails alone, with llama.cpp's own words.</summary>
public sealed class NativeAbortTests
{
    private static readonly WorkerCommand Worker = WorkerCommand.ForCli(Path.Combine(AppContext.BaseDirectory, "QuantBench.Cli.dll"));

    [Fact]
    public async Task A_GGML_ASSERT_abort_is_reported_in_llama_cpps_words_without_debugger_lines()
    {
        string directory = Directory.CreateTempSubdirectory("quantbench-abort-").FullName;
        try
        {
            // Two experts used out of none: llama.cpp's hyperparameter loader asserts n_expert_used <= n_expert.
            string path = TinyWithExtraEntry(directory, new GgufMetadataEntry("llama.expert_used_count", GgufValue.UInt32(2)));
            var model = ModelInspector.Describe(path);
            var settings = new BenchmarkSettings { PromptTokens = 8, OutputTokens = 2, WarmupRequests = 1, MeasuredRequests = 1, Threads = 1, Scenarios = [Scenario.Latency] };

            var result = await new WorkerProcessModelRunner(Worker).RunAsync(new WorkerJob(Scenario.Latency, model, settings), null, CancellationToken.None);

            Assert.Equal(ModelStatus.Failed, result.Status);
            string failure = result.Failure!;
            Assert.StartsWith("the worker was killed by signal 6 (SIGABRT); llama.cpp: ", failure);
            Assert.EndsWith("GGML_ASSERT(hparams.n_expert_used <= hparams.n_expert) failed", failure);
            Assert.DoesNotContain("No such file or directory", failure);
            Assert.DoesNotContain("nptl", failure);
            Assert.DoesNotContain("#0", failure);
            Assert.DoesNotContain("LWP", failure);
            Assert.DoesNotContain('\n', failure);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string TinyWithExtraEntry(string directory, GgufMetadataEntry extra)
    {
        string source = Path.Combine(directory, "tiny-source.gguf");
        SyntheticModelGenerator.Write(SyntheticModelPresets.Tiny, 42, source);
        var file = GgufReader.Read(source);
        var tensors = file.Tensors.Select(t => new GgufTensorSource(t.Name, t.Dimensions, t.Type, (stream, _) =>
        {
            using var input = File.OpenRead(source);
            input.Position = file.DataOffsetBytes + t.OffsetBytes;
            var buffer = new byte[t.ByteSize];
            input.ReadExactly(buffer);
            stream.Write(buffer);
        })).ToArray();
        string path = Path.Combine(directory, "crafted.gguf");
        GgufWriter.Write(path, new GgufMetadata(file.Metadata.Append(extra)), tensors);
        return path;
    }
}
