using System.Collections.Immutable;
using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

public sealed class AccuracyStatisticsTests
{
    [Fact]
    public void Wilson_interval_matches_the_textbook_value()
    {
        // 8 of 10 at 95%: 0.4902 to 0.9433 (Wilson 1927; e.g. Newcombe 1998, Table I).
        var (low, high) = AccuracyStatistics.Wilson(8, 10);
        Assert.Equal(0.4902, low, 4);
        Assert.Equal(0.9433, high, 4);
    }

    [Theory]
    [InlineData(2, 10, 0.109375)]
    [InlineData(5, 10, 1.0)]
    [InlineData(0, 5, 0.0625)]
    [InlineData(0, 0, 1.0)]
    public void Exact_binomial_two_sided_p(int k, int n, double p) =>
        Assert.Equal(p, AccuracyStatistics.ExactBinomialTwoSided(k, n), 12);

    [Fact]
    public void Exact_binomial_stays_finite_for_thousands_of_pairs() =>
        Assert.InRange(AccuracyStatistics.ExactBinomialTwoSided(400, 1000), 1e-12, 1e-9);

    [Fact]
    public void Paired_change_counts_discordant_tasks_by_number()
    {
        static TaskAccuracy Accuracy(params (int Number, int Chosen, bool Correct)[] outcomes) => new()
        {
            Kind = TaskKind.HellaSwag, FileName = "h.txt", AvailableTasks = 10,
            Outcomes = [.. outcomes.Select(o => new TaskOutcome(o.Number, o.Chosen, o.Correct, ImmutableArray<double>.Empty))],
        };

        var baseline = Accuracy((0, 1, true), (1, 1, true), (2, 0, false), (3, 2, false), (4, 3, true));
        var level = Accuracy((4, 3, true), (3, 1, false), (2, 2, true), (1, 0, false), (0, 0, false), (9, 0, true));
        var change = PairedAccuracyChange.Compare(baseline, level);
        Assert.Equal((5, 2, 1, 4), (change.Tasks, change.Lost, change.Gained, change.ChangedAnswers));
        Assert.Equal(-0.2, change.Change, 12);
        Assert.Equal(1.0, change.PValue, 12);
        var (low, high) = change.Interval95;
        Assert.True(low < change.Change && change.Change < high);
        Assert.Equal(0.8, change.ChangedShare, 12);
    }
}
