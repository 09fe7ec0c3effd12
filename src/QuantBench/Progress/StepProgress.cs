namespace QuantBench.Progress;

/// <summary>
/// Passes on a count of items done only when it reaches the next of <paramref name="steps"/> equal steps of
/// <paramref name="total"/> (and always the last): a worker then writes a few progress lines per file, not one
/// per batch (each line is a write to the parent, which redraws, on the cores the benchmark is using).
/// </summary>
public sealed class StepProgress(int total, int steps, Action<int> handler) : IProgress<int>
{
    private int lastStep;

    public void Report(int value)
    {
        int step = total <= 0 ? steps : (int)((long)value * steps / total);
        if (step > lastStep || value >= total)
        {
            lastStep = step;
            handler(value);
        }
    }
}
