namespace QuantBench.Results;

/// <summary>
/// The one rule for the model every ratio is against (quality's KLD, interleaved pairs, speed-up, size, task
/// accuracy): the model the user chose with <c>--baseline</c> when it is among the candidates, else the one with
/// the most bits per weight (the first of them in the run's order on a tie).
/// </summary>
public sealed record BaselinePolicy(string? ChosenPath = null)
{
    public const string MostBitsPerWeight = "the most bits per weight";
    public const string ChosenWithOption = "chosen with --baseline";

    /// <summary>The baseline among <paramref name="candidates"/>; null when there are none.</summary>
    public ModelDescriptor? Pick(IEnumerable<ModelDescriptor> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var all = candidates.ToArray();
        return all.FirstOrDefault(IsChosen) ?? all.OrderByDescending(m => m.BitsPerWeight).FirstOrDefault();
    }

    /// <summary>The baseline's result among <paramref name="candidates"/>; null when there are none.</summary>
    public ModelResult? Pick(IEnumerable<ModelResult> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var all = candidates.ToArray();
        return Pick(all.Select(r => r.Model)) is { } model ? all.First(r => r.Model == model) : null;
    }

    /// <summary>Why <paramref name="baseline"/> (picked by this policy) is the baseline, in words for the report.</summary>
    public string Reason(ModelDescriptor baseline) => IsChosen(baseline)
        ? ChosenWithOption
        : ChosenPath is null ? MostBitsPerWeight : $"{MostBitsPerWeight} (the --baseline model is not among them)";

    /// <summary>Whether <paramref name="model"/> is the one the user chose.</summary>
    public bool IsChosen(ModelDescriptor model) =>
        ChosenPath is { } path && model.Path == Path.GetFullPath(path);
}
