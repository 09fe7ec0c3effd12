using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>
/// Scores HellaSwag and multiple-choice tasks by llama-perplexity's rules: each choice is the tokens of
/// context + " " + ending (with BOS); the tokens all choices share are decoded once for all the task's
/// sequences; a choice's score is the mean log-probability of its tokens after the shared prefix (the first
/// from the prefix's last row); the highest score, first on ties, is the answer. As many tasks as fit n_ctx and
/// 4 × 32 sequences go into one batch. HellaSwag sums in double, multiple choice in float, as llama-perplexity.
/// </summary>
public sealed class ChoiceTaskScorer(ITaskEvaluator evaluator)
{
    private const int MaxTasksPerBatch = 32;

    public ImmutableArray<TaskOutcome> Score(TaskSet set, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        bool doubleSums = set.Kind == TaskKind.HellaSwag;
        var prepared = set.ChoiceTasks.Select(task => Prepare(set.FilePath, task, doubleSums)).ToArray();
        return TaskBatchScorer.Score(evaluator, set.FilePath, prepared, Math.Min(4 * MaxTasksPerBatch, evaluator.MaxSequences), progress, cancellationToken);
    }

    private Prepared Prepare(string path, ChoiceTask task, bool doubleSums)
    {
        var sequences = task.Endings.Select(ending => evaluator.Tokenize(task.Context + " " + ending)).ToImmutableArray();
        int shortest = sequences.Min(s => s.Length);
        int prefix = 0;
        while (prefix < shortest && sequences.All(s => s[prefix] == sequences[0][prefix]))
        {
            prefix++;
        }

        if (prefix == 0)
        {
            throw new TaskScoringException(path, task.Number, "the choices share no first token (the model adds no BOS), which llama-perplexity's scoring needs");
        }

        if (prefix == shortest)
        {
            throw new TaskScoringException(path, task.Number, "one choice's tokens are a prefix of another's, so it has no token of its own to score");
        }

        return new Prepared(task, sequences, prefix, doubleSums);
    }

    private sealed class Prepared(ChoiceTask task, ImmutableArray<ImmutableArray<int>> sequences, int commonPrefix, bool doubleSums)
        : PreparedTask(task.Number, commonPrefix + sequences.Sum(s => s.Length - commonPrefix), sequences.Length)
    {
        public override void AddTo(TaskBatch batch, int firstSequence)
        {
            var all = Enumerable.Range(firstSequence, sequences.Length).ToArray();
            for (int i = 0; i < commonPrefix; i++)
            {
                batch.Add(sequences[0][i], i, all, false);
            }

            batch.OutputLast();
            for (int s = 0; s < sequences.Length; s++)
            {
                var tokens = sequences[s];
                int[] own = [firstSequence + s];
                for (int i = commonPrefix; i < tokens.Length; i++)
                {
                    batch.Add(tokens[i], i, own, i < tokens.Length - 1);
                }
            }
        }

        public override void AddLogProbRequests(List<(int Row, int Token)> requests, int firstRow)
        {
            int row = firstRow + 1;
            foreach (var tokens in sequences)
            {
                for (int j = commonPrefix; j < tokens.Length - 1; j++)
                {
                    requests.Add((row++, tokens[j + 1]));
                }
            }
        }

        public override TaskOutcome Outcome(ReadOnlySpan<float> logits, int firstRow, int vocabulary, ReadOnlySpan<float> logProbs)
        {
            var first = logits.Slice(firstRow * vocabulary, vocabulary);
            var softmax = TaskLogProbs.Softmax(first);
            var scores = new double[sequences.Length];
            int next = 0;
            for (int s = 0; s < scores.Length; s++)
            {
                var tokens = sequences[s];
                float firstLogProb = TaskLogProbs.FirstTokenLogProb(first, tokens[commonPrefix], softmax);
                double sum = firstLogProb;
                float floatSum = firstLogProb;
                int count = 1;
                for (int j = commonPrefix; j < tokens.Length - 1; j++)
                {
                    float logProb = logProbs[next++];
                    sum += logProb;
                    floatSum += logProb;
                    count++;
                }

                scores[s] = doubleSums ? sum / count : floatSum / count;
            }

            int chosen = 0;
            for (int s = 1; s < scores.Length; s++)
            {
                if (scores[s] > scores[chosen])
                {
                    chosen = s;
                }
            }

            return new TaskOutcome(task.Number, chosen, task.IsCorrect(chosen), [.. scores]);
        }
    }
}
