namespace QuantBench.Tasks;

/// <summary>
/// A level's accuracy against the baseline's on the same tasks. Only discordant tasks carry information:
/// <see cref="Lost"/> (the baseline right, this level wrong) and <see cref="Gained"/> (the reverse). The change
/// is (Gained - Lost) / n; its 95% interval is the Wald interval for paired proportions,
/// change ± z × sqrt((Gained + Lost) - (Gained - Lost)² / n) / n; the p-value is McNemar's exact test
/// (an exact binomial test of Gained against Lost at 1/2).
/// </summary>
public sealed record PairedAccuracyChange(int Tasks, int Lost, int Gained, int ChangedAnswers)
{
    /// <summary>Accuracy of this level minus the baseline's, as a fraction.</summary>
    public double Change => Tasks == 0 ? 0 : (double)(Gained - Lost) / Tasks;

    public (double Low, double High) Interval95
    {
        get
        {
            if (Tasks == 0)
            {
                return (double.NaN, double.NaN);
            }

            double discordant = Gained + Lost;
            double spread = Math.Sqrt(Math.Max(0, discordant - Math.Pow(Gained - Lost, 2) / Tasks)) / Tasks;
            return (Change - AccuracyStatistics.Z95 * spread, Change + AccuracyStatistics.Z95 * spread);
        }
    }

    /// <summary>McNemar's exact two-sided p-value.</summary>
    public double PValue => AccuracyStatistics.ExactBinomialTwoSided(Gained, Gained + Lost);

    /// <summary>Share of tasks whose chosen answer differs from the baseline's (right or wrong), 0 to 1.</summary>
    public double ChangedShare => Tasks == 0 ? 0 : (double)ChangedAnswers / Tasks;

    /// <summary>Pairs the two models' outcomes by task number; tasks only one of them scored are left out.</summary>
    public static PairedAccuracyChange Compare(TaskAccuracy baseline, TaskAccuracy level)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(level);
        var byNumber = baseline.Outcomes.ToDictionary(o => o.Number);
        int tasks = 0, lost = 0, gained = 0, changed = 0;
        foreach (var outcome in level.Outcomes)
        {
            if (!byNumber.TryGetValue(outcome.Number, out var reference))
            {
                continue;
            }

            tasks++;
            lost += reference.Correct && !outcome.Correct ? 1 : 0;
            gained += !reference.Correct && outcome.Correct ? 1 : 0;
            changed += reference.Chosen != outcome.Chosen ? 1 : 0;
        }

        return new PairedAccuracyChange(tasks, lost, gained, changed);
    }
}
