using System.Security.Cryptography;
using QuantBench.Engines;
using QuantBench.IntegrationTests.EndToEnd;
using QuantBench.LlamaCpp.Tasks;
using QuantBench.Tasks;

namespace QuantBench.IntegrationTests.Tasks;

/// <summary>
/// QuantBench's task accuracy against llama-perplexity's (b10361) on the same files and models: the count of
/// correct tasks must be equal. The models are generated here from a fixed seed (tiny preset, seed 42, and
/// llama.cpp's quantizer); their SHA-256 is pinned so that a change in the generator is not mistaken for a
/// scoring difference. The figures and the commands that produced them are in tests/data/tasks/README.md.
/// </summary>
public sealed class TaskAgreementTests(TinyLadder ladder) : IClassFixture<TinyLadder>
{
    private const int TaskCount = 100;

    private static readonly Dictionary<string, string> Sha256 = new()
    {
        ["F32"] = "6be09fa26d55e2fe0b2d6705e68ce86ea552203d776ed6f3294373c395410352",
        ["Q8_0"] = "04bae1a50f671efba4a0696c5b7a95c103b2a94d4971523cafed656962daf55e",
        ["Q4_K_M"] = "735c55281d57ee46402589ae3b80a6f3c51d25d0d10c0bbca87a638202e218e4",
    };

    // llama-perplexity -m tiny-LEVEL.gguf -f FILE --hellaswag --hellaswag-tasks 100 -t 2 (and --winogrande --winogrande-tasks 100,
    // and -bf mc-alice.bin --multiple-choice: its 100 tasks).
    [Theory]
    [InlineData("F32", TaskKind.HellaSwag, HellaSwagF32)]
    [InlineData("Q8_0", TaskKind.HellaSwag, HellaSwagQ8)]
    [InlineData("Q4_K_M", TaskKind.HellaSwag, HellaSwagQ4)]
    [InlineData("F32", TaskKind.Winogrande, WinograndeF32)]
    [InlineData("Q8_0", TaskKind.Winogrande, WinograndeQ8)]
    [InlineData("Q4_K_M", TaskKind.Winogrande, WinograndeQ4)]
    [InlineData("F32", TaskKind.MultipleChoice, MultipleChoiceF32)]
    [InlineData("Q8_0", TaskKind.MultipleChoice, MultipleChoiceQ8)]
    [InlineData("Q4_K_M", TaskKind.MultipleChoice, MultipleChoiceQ4)]
    public void Correct_task_count_equals_llama_perplexity(string level, TaskKind kind, int expectedCorrect)
    {
        string model = level switch { "F32" => ladder.BasePath, "Q8_0" => ladder.Q8Path, _ => ladder.Q4Path };
        Assert.Equal(Sha256[level], Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(model))));
        var file = new TaskFileSpec(kind, DataFile(kind switch
        {
            TaskKind.HellaSwag => "hellaswag-alice.txt",
            TaskKind.Winogrande => "winogrande-alice.csv",
            _ => "mc-alice.bin",
        }));
        var set = file.Read(TaskCount);

        using var evaluator = LlamaCppTaskEvaluator.Load(new ModelLoadOptions { ModelPath = model, Threads = 2 }, 512, 4, CancellationToken.None);
        var outcomes = kind == TaskKind.Winogrande
            ? new WinograndeScorer(evaluator).Score(set, null, CancellationToken.None)
            : new ChoiceTaskScorer(evaluator).Score(set, null, CancellationToken.None);

        Assert.Equal(TaskCount, outcomes.Length);
        Assert.Equal(expectedCorrect, outcomes.Count(o => o.Correct));
    }

    // Correct tasks of 100 printed by llama-perplexity b10361 (tools/build-llama-cpp.sh), 2 threads. Its logger
    // sometimes loses the last lines (F32 on Winogrande twice): a figure comes from a run that printed its final result.
    private const int HellaSwagF32 = 22;
    private const int HellaSwagQ8 = 23;
    private const int HellaSwagQ4 = 23;
    private const int WinograndeF32 = 44;
    private const int WinograndeQ8 = 42;
    private const int WinograndeQ4 = 48;

    // llama-perplexity -m tiny-LEVEL.gguf -bf mc-alice.bin --multiple-choice --multiple-choice-tasks 100 -t 2: all 100 tasks.
    private const int MultipleChoiceF32 = 35;
    private const int MultipleChoiceQ8 = 34;
    private const int MultipleChoiceQ4 = 44;

    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", "tasks", name);
}
