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
        int maxSequences = Math.Min(2 * MaxTasksPerBatch, evaluator.MaxSequences);
        int vocabulary = evaluator.VocabularySize;
        var batch = new TaskBatch();
        var outcomes = ImmutableArray.CreateBuilder<TaskOutcome>(prepared.Length);
        float[] logits = [];
        for (int i0 = 0; i0 < prepared.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            int used = 0, i1 = i0, outputsBefore = 0;
            while (i1 < prepared.Length && used + prepared[i1].RequiredTokens <= evaluator.ContextTokens)
            {
                int s0 = 2 * (i1 - i0);
                if (s0 + 2 > maxSequences)
                {
                    break;
                }

                var task = prepared[i1];
                int[] both = [s0, s0 + 1];
                for (int i = 0; i < task.CommonPrefix; i++)
                {
                    batch.Add(task.First[i], i, both, false);
                }

                batch.OutputLast();
                int outputs = 1;
                for (int s = 0; s < 2; s++)
                {
                    var tokens = s == 0 ? task.First : task.Second;
                    int[] own = [s0 + s];
                    for (int i = task.CommonPrefix; i < tokens.Length; i++)
                    {
                        batch.Add(tokens[i], i, own, true);
                        outputs++;
                    }
                }

                task.FirstOutput = outputsBefore;
                outputsBefore += outputs;
                used += task.RequiredTokens;
                i1++;
            }

            if (i1 == i0)
            {
                throw new TaskScoringException(set.FilePath, prepared[i0].Task.Number,
                    $"needs {prepared[i0].RequiredTokens} tokens and the context holds {evaluator.ContextTokens}");
            }

            int needed = batch.OutputCount * vocabulary;
            if (logits.Length < needed)
            {
                logits = new float[needed];
            }

            evaluator.Decode(batch, logits.AsSpan(0, needed), cancellationToken);
            for (int i = i0; i < i1; i++)
            {
                outcomes.Add(Outcome(prepared[i], logits, vocabulary));
            }

            i0 = i1;
            progress?.Report(i1);
        }

        return outcomes.MoveToImmutable();
    }

    private static TaskOutcome Outcome(Prepared task, float[] logits, int vocabulary)
    {
        int prefix = task.CommonPrefix;
        bool skipChoice = task.First.Length - prefix > MinTrailingTokens && task.Second.Length - prefix > MinTrailingTokens;
        int base1 = skipChoice ? task.Base1 : prefix;
        int base2 = skipChoice ? task.Base2 : prefix;
        float score1 = Mean(task.First, base1, base1 - prefix);
        float score2 = Mean(task.Second, base2, task.First.Length - prefix + base2 - prefix);
        int chosen = score1 > score2 ? 0 : 1;
        return new TaskOutcome(task.Task.Number, chosen, chosen + 1 == task.Task.Answer, [score1, score2]);

        float Mean(ImmutableArray<int> tokens, int start, int firstRow)
        {
            int last = tokens.Length - start > 1 ? 1 : 0;
            float sum = 0f;
            int row = task.FirstOutput + firstRow;
            for (int j = start - 1; j < tokens.Length - 1 - last; j++)
            {
                sum += TaskLogProbs.LogProb(logits.AsSpan(row++ * vocabulary, vocabulary), tokens[j + 1]);
            }

            return sum / (float)(tokens.Length - start - last);
        }
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

        int required = prefix + (first.Length - prefix) + (second.Length - prefix);
        return new Prepared(task, first, second, prefix, base1, base2, required);
    }

    private sealed class Prepared(WinograndeTask task, ImmutableArray<int> first, ImmutableArray<int> second, int commonPrefix, int base1, int base2, int requiredTokens)
    {
        public WinograndeTask Task { get; } = task;

        public ImmutableArray<int> First { get; } = first;

        public ImmutableArray<int> Second { get; } = second;

        public int CommonPrefix { get; } = commonPrefix;

        public int Base1 { get; } = base1;

        public int Base2 { get; } = base2;

        public int RequiredTokens { get; } = requiredTokens;

        public int FirstOutput { get; set; }
    }
}
