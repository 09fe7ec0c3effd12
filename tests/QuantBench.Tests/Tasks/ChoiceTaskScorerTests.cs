using System.Collections.Immutable;
using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

public sealed class ChoiceTaskScorerTests
{
    private const string Training = "the cat sat on the mat. the dog ran to the park. a bird sang in the tree.";

    private static TaskSet Set(TaskKind kind, params ChoiceTask[] tasks) => new()
    {
        Kind = kind, FilePath = "t.txt", AvailableTasks = tasks.Length, ChoiceTasks = [.. tasks],
    };

    private static ChoiceTask Task(int number, string context, int gold, params string[] endings) =>
        new(number, context, [.. endings], [.. endings.Select((_, i) => i == gold ? 1 : 0)]);

    private static TaskSet ThreeTasks(TaskKind kind) => Set(kind,
        Task(0, "the cat", 1, "xqz vvk.", "sat on the mat.", "zzq kkx.", "qqq www."),
        Task(1, "the dog", 2, "kk zzq.", "xq vvz.", "ran to the park.", "wq qz."),
        Task(2, "a bird", 0, "sang in the tree.", "vv kq.", "zx qqw.", "kkk zz."));

    [Theory]
    [InlineData(TaskKind.HellaSwag)]
    [InlineData(TaskKind.MultipleChoice)]
    public void The_ending_the_model_expects_is_chosen(TaskKind kind)
    {
        var outcomes = new ChoiceTaskScorer(new BigramTaskEvaluator(Training)).Score(ThreeTasks(kind), null, CancellationToken.None);
        Assert.Equal([1, 2, 0], outcomes.Select(o => o.Chosen));
        Assert.All(outcomes, o => Assert.True(o.Correct));
        Assert.Equal([0, 1, 2], outcomes.Select(o => o.Number));
    }

    [Fact]
    public void A_score_is_the_mean_log_probability_of_the_tokens_after_the_shared_prefix()
    {
        var evaluator = new BigramTaskEvaluator(Training);
        var outcome = new ChoiceTaskScorer(evaluator).Score(Set(TaskKind.HellaSwag, Task(0, "the", 0, "cat", "dog")), null, CancellationToken.None).Single();
        // "the cat" and "the dog" share BOS + "the " (5 tokens); scored: c,a,t and d,o,g.
        var tokens = evaluator.Tokenize("the cat");
        double expected = 0;
        var logits = new float[evaluator.VocabularySize];
        for (int i = 4; i < tokens.Length - 1; i++)
        {
            var batch = new TaskBatch();
            batch.Add(tokens[i], i, [0], true);
            evaluator.Decode(batch, logits, CancellationToken.None);
            expected += Math.Log(Math.Exp(logits[tokens[i + 1]]) / logits.Sum(l => Math.Exp(l)));
        }

        Assert.Equal(expected / 3, outcome.Scores[0], 5);
    }

    [Fact]
    public void Tasks_share_a_batch_up_to_the_sequence_limit_and_the_answers_do_not_depend_on_it()
    {
        var few = new BigramTaskEvaluator(Training, maxSequences: 4);
        var many = new BigramTaskEvaluator(Training, maxSequences: 128);
        var alone = new ChoiceTaskScorer(few).Score(ThreeTasks(TaskKind.HellaSwag), null, CancellationToken.None);
        var together = new ChoiceTaskScorer(many).Score(ThreeTasks(TaskKind.HellaSwag), null, CancellationToken.None);
        Assert.Equal([4, 4, 4], few.Batches.Select(b => b.Sequences));
        Assert.Equal((12, 1), (many.Batches[0].Sequences, many.Batches.Count));
        Assert.Equal(alone.Select(o => o.Scores.ToArray()), together.Select(o => o.Scores.ToArray()));
    }

    [Fact]
    public void A_batch_never_holds_more_tokens_than_the_context()
    {
        var evaluator = new BigramTaskEvaluator(Training, contextTokens: 60, maxSequences: 128);
        new ChoiceTaskScorer(evaluator).Score(ThreeTasks(TaskKind.HellaSwag), null, CancellationToken.None);
        Assert.True(evaluator.Batches.Count > 1);
        Assert.All(evaluator.Batches, b => Assert.InRange(b.Tokens, 1, 60));
    }

    [Fact]
    public void A_task_longer_than_the_context_is_an_error_naming_it()
    {
        var evaluator = new BigramTaskEvaluator(Training, contextTokens: 20);
        var e = Assert.Throws<TaskScoringException>(() => new ChoiceTaskScorer(evaluator).Score(ThreeTasks(TaskKind.HellaSwag), null, CancellationToken.None));
        Assert.StartsWith("t.txt, task 1: needs ", e.Message);
    }

    [Fact]
    public void An_ending_that_is_a_prefix_of_another_is_an_error()
    {
        var set = Set(TaskKind.MultipleChoice, Task(0, "the", 0, "cat", "cat sat"));
        var e = Assert.Throws<TaskScoringException>(() => new ChoiceTaskScorer(new BigramTaskEvaluator(Training)).Score(set, null, CancellationToken.None));
        Assert.Contains("prefix of another", e.Message);
    }
}
