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
        var prepared = set.ChoiceTasks.Select(task => Prepare(set.FilePath, task)).ToArray();
        int maxSequences = Math.Min(4 * MaxTasksPerBatch, evaluator.MaxSequences);
        int vocabulary = evaluator.VocabularySize;
        var batch = new TaskBatch();
        var outcomes = ImmutableArray.CreateBuilder<TaskOutcome>(prepared.Length);
        float[] logits = [];
        for (int i0 = 0; i0 < prepared.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            int used = 0, i1 = i0, outputsBefore = 0, s0 = 0;
            while (i1 < prepared.Length && used + prepared[i1].RequiredTokens <= evaluator.ContextTokens)
            {
                var task = prepared[i1];
                int choices = task.Sequences.Length;
                if (s0 + choices > maxSequences)
                {
                    if (s0 == 0)
                    {
                        throw new TaskScoringException(set.FilePath, task.Task.Number, $"{choices} choices need {choices} sequences; the context has {maxSequences}");
                    }

                    break;
                }

                var all = Enumerable.Range(s0, choices).ToArray();
                for (int i = 0; i < task.CommonPrefix; i++)
                {
                    batch.Add(task.Sequences[0][i], i, all, false);
                }

                batch.OutputLast();
                int outputs = 1;
                for (int s = 0; s < choices; s++)
                {
                    var tokens = task.Sequences[s];
                    int[] own = [s0 + s];
                    for (int i = task.CommonPrefix; i < tokens.Length; i++)
                    {
                        bool output = i < tokens.Length - 1;
                        batch.Add(tokens[i], i, own, output);
                        outputs += output ? 1 : 0;
                    }
                }

                task.FirstOutput = outputsBefore;
                outputsBefore += outputs;
                s0 += choices;
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
                outcomes.Add(Outcome(prepared[i], logits, vocabulary, doubleSums));
            }

            i0 = i1;
            progress?.Report(i1);
        }

        return outcomes.MoveToImmutable();
    }

    private static TaskOutcome Outcome(Prepared task, float[] logits, int vocabulary, bool doubleSums)
    {
        var first = logits.AsSpan(task.FirstOutput * vocabulary, vocabulary);
        var scores = new double[task.Sequences.Length];
        int row = task.FirstOutput + 1;
        for (int s = 0; s < scores.Length; s++)
        {
            var tokens = task.Sequences[s];
            float firstLogProb = TaskLogProbs.FirstTokenLogProb(first, tokens[task.CommonPrefix]);
            double sum = firstLogProb;
            float floatSum = firstLogProb;
            int count = 1;
            for (int j = task.CommonPrefix; j < tokens.Length - 1; j++)
            {
                float logProb = TaskLogProbs.LogProb(logits.AsSpan(row++ * vocabulary, vocabulary), tokens[j + 1]);
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

        return new TaskOutcome(task.Task.Number, chosen, task.Task.IsCorrect(chosen), [.. scores]);
    }

    private Prepared Prepare(string path, ChoiceTask task)
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

        int required = prefix + sequences.Sum(s => s.Length - prefix);
        return new Prepared(task, sequences, prefix, required);
    }

    private sealed class Prepared(ChoiceTask task, ImmutableArray<ImmutableArray<int>> sequences, int commonPrefix, int requiredTokens)
    {
        public ChoiceTask Task { get; } = task;

        public ImmutableArray<ImmutableArray<int>> Sequences { get; } = sequences;

        public int CommonPrefix { get; } = commonPrefix;

        public int RequiredTokens { get; } = requiredTokens;

        public int FirstOutput { get; set; }
    }
}
