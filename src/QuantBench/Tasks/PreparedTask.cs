namespace QuantBench.Tasks;

/// <summary>
/// A task tokenized and checked, ready for <see cref="TaskBatchScorer"/>: how many context cells and sequences it
/// takes, how it adds its tokens to a batch, which log-probabilities it needs, and how its answer is read from them.
/// </summary>
internal abstract class PreparedTask(int number, int requiredTokens, int sequenceCount)
{
    /// <summary>The task's 0-based place in its file.</summary>
    public int Number { get; } = number;

    /// <summary>Context cells the task takes: the shared prefix once, then each sequence's own tokens.</summary>
    public int RequiredTokens { get; } = requiredTokens;

    public int SequenceCount { get; } = sequenceCount;

    /// <summary>Adds the task's tokens to <paramref name="batch"/> on sequences from <paramref name="firstSequence"/> on.</summary>
    public abstract void AddTo(TaskBatch batch, int firstSequence);

    /// <summary>
    /// Appends the (logits row, token) pairs whose <see cref="TaskLogProbs.LogProb"/> the task sums, in the order
    /// <see cref="Outcome"/> reads them; <paramref name="firstRow"/> is the task's first output row in the batch.
    /// </summary>
    public abstract void AddLogProbRequests(List<(int Row, int Token)> requests, int firstRow);

    /// <summary>Scores the task from the batch's logits and the log-probabilities it asked for, in its order.</summary>
    public abstract TaskOutcome Outcome(ReadOnlySpan<float> logits, int firstRow, int vocabulary, ReadOnlySpan<float> logProbs);
}
