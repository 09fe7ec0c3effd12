using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>
/// Scores Winogrande tasks by llama-perplexity's rules: the two sentences (first + choice + second, with BOS)
/// share their common prefix in one batch; when both have more than 3 tokens after it, only the tokens after
/// the choice are scored, otherwise those after the common prefix; the last token is left out when there is
/// more than one; the score is the mean log-probability in float; choice 1 wins only if strictly higher.
/// Its logits rows for the second sentence are found by its own arithmetic (which, when the choice is scored,
/// starts from a row of the first sentence; llama.cpp marks it FIXME), kept so the answers agree.
/// Up to 128 tasks (256 sequences) per batch, as many as fit n_ctx.
/// </summary>
public sealed class WinograndeScorer(ITaskEvaluator evaluator)
{
    private const int MaxTasksPerBatch = 128;
    private const int MinTrailingTokens = 3;

    public ImmutableArray<TaskOutcome> Score(TaskSet set, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        var prepared = set.WinograndeTasks.Select(task => Prepare(set.FilePath, task)).ToArray();
        return TaskBatchScorer.Score(evaluator, set.FilePath, prepared, Math.Min(2 * MaxTasksPerBatch, evaluator.MaxSequences), progress, cancellationToken);
    }

    private Prepared Prepare(string path, WinograndeTask task)
    {
        var first = evaluator.Tokenize(task.First + task.Choice1 + task.Second);
        var second = evaluator.Tokenize(task.First + task.Choice2 + task.Second);
        int shortest = Math.Min(first.Length, second.Length);
        int prefix = 0;
        while (prefix < shortest && first[prefix] == second[prefix])
        {
            prefix++;
        }

        if (prefix == 0)
        {
            throw new TaskScoringException(path, task.Number, "the two sentences share no first token (the model adds no BOS), which llama-perplexity's scoring needs");
        }

        if (prefix == shortest)
        {
            throw new TaskScoringException(path, task.Number, "one sentence's tokens are a prefix of the other's, so it has no token of its own to score");
        }

        int base1 = evaluator.Tokenize(task.First + task.Choice1).Length;
        int base2 = evaluator.Tokenize(task.First + task.Choice2).Length;
        if (base1 > first.Length || base2 > second.Length)
        {
            throw new TaskScoringException(path, task.Number, "the sentence up to the choice tokenizes longer than the whole sentence");
        }

        bool skipChoice = first.Length - prefix > MinTrailingTokens && second.Length - prefix > MinTrailingTokens;
        if (skipChoice && (base1 < prefix || base2 < prefix))
        {
            throw new TaskScoringException(path, task.Number, "the sentences differ before the choice ends, so the tokens after the choice cannot be found");
        }

        return new Prepared(task, first, second, prefix, base1, base2);
    }

    private sealed class Prepared(WinograndeTask task, ImmutableArray<int> first, ImmutableArray<int> second, int prefix, int base1, int base2)
        : PreparedTask(task.Number, prefix + (first.Length - prefix) + (second.Length - prefix), 2)
    {
        public override void AddTo(TaskBatch batch, int firstSequence)
        {
            int[] both = [firstSequence, firstSequence + 1];
            for (int i = 0; i < prefix; i++)
            {
                batch.Add(first[i], i, both, false);
            }

            batch.OutputLast();
            for (int s = 0; s < 2; s++)
            {
                var tokens = s == 0 ? first : second;
                int[] own = [firstSequence + s];
                for (int i = prefix; i < tokens.Length; i++)
                {
                    batch.Add(tokens[i], i, own, true);
                }
            }
        }

        /// <summary>Where each sentence's scored tokens start, and the logits row of its first (llama-perplexity's arithmetic).</summary>
        private ((int Start, int Row) First, (int Start, int Row) Second) Spans(int firstRow)
        {
            bool skipChoice = first.Length - prefix > MinTrailingTokens && second.Length - prefix > MinTrailingTokens;
            int start1 = skipChoice ? base1 : prefix;
            int start2 = skipChoice ? base2 : prefix;
            return ((start1, firstRow + start1 - prefix), (start2, firstRow + first.Length - prefix + start2 - prefix));
        }

        /// <summary>The tokens scored: from start - 1 up to the last, which is left out when there is more than one.</summary>
        private static (int From, int To) Scored(ImmutableArray<int> tokens, int start) =>
            (start - 1, tokens.Length - 1 - (tokens.Length - start > 1 ? 1 : 0));

        public override void AddLogProbRequests(List<(int Row, int Token)> requests, int firstRow)
        {
            var (one, two) = Spans(firstRow);
            Add(first, one);
            Add(second, two);

            void Add(ImmutableArray<int> tokens, (int Start, int Row) span)
            {
                var (from, to) = Scored(tokens, span.Start);
                int row = span.Row;
                for (int j = from; j < to; j++)
                {
                    requests.Add((row++, tokens[j + 1]));
                }
            }
        }

        public override TaskOutcome Outcome(ReadOnlySpan<float> logits, int firstRow, int vocabulary, ReadOnlySpan<float> logProbs)
        {
            var (one, two) = Spans(firstRow);
            var (from1, to1) = Scored(first, one.Start);
            var (from2, to2) = Scored(second, two.Start);
            float score1 = Mean(logProbs[..(to1 - from1)], to1 - from1);
            float score2 = Mean(logProbs[(to1 - from1)..], to2 - from2);
            int chosen = score1 > score2 ? 0 : 1;
            return new TaskOutcome(task.Number, chosen, chosen + 1 == task.Answer, [score1, score2]);
        }

        /// <summary>The float sum of the scored tokens' log-probabilities over their count, as llama-perplexity.</summary>
        private static float Mean(ReadOnlySpan<float> logProbs, int count)
        {
            float sum = 0f;
            for (int i = 0; i < count; i++)
            {
                sum += logProbs[i];
            }

            return sum / (float)count;
        }
    }
}
