using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>
/// llama-perplexity's loop over prepared tasks, shared by every task kind: as many tasks as fit n_ctx and the
/// sequence limit go into one batch, the batch is decoded once, and each of its tasks is scored from the
/// logits: the log-probabilities the tasks need are computed on all cores, then each task sums its own in order.
/// </summary>
internal static class TaskBatchScorer
{
    public static ImmutableArray<TaskOutcome> Score(ITaskEvaluator evaluator, string path, IReadOnlyList<PreparedTask> prepared, int maxSequences,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        int vocabulary = evaluator.VocabularySize;
        var batch = new TaskBatch();
        var outcomes = new TaskOutcome[prepared.Count];
        var firstRows = new int[prepared.Count];
        var firstRequests = new int[prepared.Count];
        var requests = new List<(int Row, int Token)>();
        float[] logits = [], logProbs = [];
        for (int i0 = 0; i0 < prepared.Count;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Clear();
            int used = 0, i1 = i0, s0 = 0;
            while (i1 < prepared.Count && used + prepared[i1].RequiredTokens <= evaluator.ContextTokens)
            {
                var task = prepared[i1];
                if (s0 + task.SequenceCount > maxSequences)
                {
                    if (s0 == 0)
                    {
                        throw new TaskScoringException(path, task.Number,
                            $"{task.SequenceCount} choices need {task.SequenceCount} sequences; the context has {maxSequences} (raise --task-parallel, llama-perplexity's -np)");
                    }

                    break;
                }

                firstRows[i1] = batch.OutputCount;
                task.AddTo(batch, s0);
                s0 += task.SequenceCount;
                used += task.RequiredTokens;
                i1++;
            }

            if (i1 == i0)
            {
                throw new TaskScoringException(path, prepared[i0].Number,
                    $"needs {prepared[i0].RequiredTokens} tokens and the context holds {evaluator.ContextTokens}");
            }

            int needed = batch.OutputCount * vocabulary;
            if (logits.Length < needed)
            {
                logits = new float[needed];
            }

            evaluator.Decode(batch, logits.AsSpan(0, needed), cancellationToken);
            requests.Clear();
            for (int i = i0; i < i1; i++)
            {
                firstRequests[i] = requests.Count;
                prepared[i].AddLogProbRequests(requests, firstRows[i]);
            }

            if (logProbs.Length < requests.Count)
            {
                logProbs = new float[requests.Count];
            }

            ComputeLogProbs(logits, vocabulary, requests, logProbs, cancellationToken);
            for (int i = i0; i < i1; i++)
            {
                int end = i + 1 < i1 ? firstRequests[i + 1] : requests.Count;
                outcomes[i] = prepared[i].Outcome(logits, firstRows[i], vocabulary, logProbs.AsSpan(firstRequests[i], end - firstRequests[i]));
            }

            i0 = i1;
            progress?.Report(i1);
        }

        return [.. outcomes];
    }

    /// <summary>
    /// Every requested log-probability, on all cores in chunks of 4 rows, as llama-perplexity's compute_logprobs:
    /// each value is computed alone, so the threads change nothing but the time.
    /// </summary>
    private static void ComputeLogProbs(float[] logits, int vocabulary, List<(int Row, int Token)> requests, float[] logProbs, CancellationToken cancellationToken)
    {
        const int Chunk = 4;
        int chunks = (requests.Count + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            int end = Math.Min(requests.Count, (chunk + 1) * Chunk);
            for (int r = chunk * Chunk; r < end; r++)
            {
                var (row, token) = requests[r];
                logProbs[r] = TaskLogProbs.LogProb(logits.AsSpan(row * vocabulary, vocabulary), token);
            }
        });
    }
}
