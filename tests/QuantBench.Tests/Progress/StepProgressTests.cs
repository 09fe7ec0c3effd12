using QuantBench.Progress;

namespace QuantBench.Tests.Progress;

public sealed class StepProgressTests
{
    [Fact]
    public void One_report_per_batch_becomes_one_per_step_and_the_last()
    {
        var seen = new List<int>();
        var progress = new StepProgress(200, 20, seen.Add);
        for (int done = 1; done <= 200; done++)
        {
            progress.Report(done);
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(step => step * 10), seen);
    }

    [Fact]
    public void Batches_larger_than_a_step_are_each_reported_and_the_end_always_is()
    {
        var seen = new List<int>();
        var progress = new StepProgress(7, 20, seen.Add);
        foreach (int done in new[] { 2, 4, 6, 7 })
        {
            progress.Report(done);
        }

        Assert.Equal([2, 4, 6, 7], seen);
    }

    [Fact]
    public void Counts_below_the_first_step_are_not_reported()
    {
        var seen = new List<int>();
        var progress = new StepProgress(1000, 20, seen.Add);
        progress.Report(49);
        progress.Report(50);
        Assert.Equal([50], seen);
    }
}
