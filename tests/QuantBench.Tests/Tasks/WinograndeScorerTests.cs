using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

public sealed class WinograndeScorerTests
{
    private const string Training = "the cat sat on the mat. the dog ran to the park. a bird sang in the tree.";

    private static TaskSet Set(params WinograndeTask[] tasks) => new()
    {
        Kind = TaskKind.Winogrande, FilePath = "w.csv", AvailableTasks = tasks.Length, WinograndeTasks = [.. tasks],
    };

    [Fact]
    public void The_choice_that_makes_the_likelier_sentence_wins()
    {
        var set = Set(
            new WinograndeTask(0, "the ", " sat on the mat.", "cat", "qzx", 1),
            new WinograndeTask(1, "the ", " ran to the park.", "xqv", "dog", 2),
            new WinograndeTask(2, "a ", " sang in the tree.", "bird", "zzqq", 2));
        var outcomes = new WinograndeScorer(new BigramTaskEvaluator(Training)).Score(set, null, CancellationToken.None);
        Assert.Equal([0, 1, 0], outcomes.Select(o => o.Chosen));
        Assert.Equal([true, true, false], outcomes.Select(o => o.Correct));
    }

    [Fact]
    public void With_a_long_tail_only_the_tokens_after_the_choice_are_scored_without_the_last()
    {
        // Both tails are long, so the choice words themselves are not scored: the scores depend on the
        // tail after the choice only, whose first token's row is the choice's last character.
        var set = Set(new WinograndeTask(0, "x ", " sat on the mat.", "cat", "bat", 1));
        var evaluator = new BigramTaskEvaluator(Training);
        var outcome = new WinograndeScorer(evaluator).Score(set, null, CancellationToken.None).Single();
        // "cat" and "bat" both end in 't': the tails (" sat on the mat", '.' left out) are scored from the same rows.
        Assert.Equal(outcome.Scores[0], outcome.Scores[1]);
        Assert.Equal(1, outcome.Chosen); // a tie goes to choice 2, as llama-perplexity
    }

    [Fact]
    public void Up_to_128_tasks_share_a_batch_when_the_context_has_the_sequences()
    {
        var tasks = Enumerable.Range(0, 5).Select(i => new WinograndeTask(i, "the ", " sat.", "cat", "dog", 1)).ToArray();
        var evaluator = new BigramTaskEvaluator(Training, maxSequences: 4);
        new WinograndeScorer(evaluator).Score(Set(tasks), null, CancellationToken.None);
        Assert.Equal([4, 4, 2], evaluator.Batches.Select(b => b.Sequences));
    }
}
