namespace QuantBench.Statistics;

/// <summary>
/// Adaptive stopping: keep measuring until the Student-t confidence interval of the mean, at
/// <see cref="ConfidenceLevel"/>, has a half-width within <see cref="TargetRelativeHalfWidth"/> of the median
/// (2% at 99% by default), with at least <see cref="MinRuns"/> runs; or stop at a bound
/// (<see cref="MaxRuns"/>, <see cref="MaxDuration"/>). The bounds are a budget and win over
/// <see cref="MinRuns"/>; the decision then reports the target as not met.
/// </summary>
public sealed record StoppingRule
{
    public int MinRuns { get; init; } = 5;
    public int MaxRuns { get; init; } = 100;
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromSeconds(60);
    public double TargetRelativeHalfWidth { get; init; } = 0.02;
    public double ConfidenceLevel { get; init; } = SampleStatistics.DefaultConfidenceLevel;

    /// <summary>Every problem with the settings, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MinRuns < 2)
            problems.Add($"MinRuns is {MinRuns}; a confidence interval needs at least 2 runs.");
        if (MaxRuns < MinRuns)
            problems.Add($"MaxRuns ({MaxRuns}) is below MinRuns ({MinRuns}).");
        if (MaxDuration <= TimeSpan.Zero)
            problems.Add($"MaxDuration is {MaxDuration}; it must be positive.");
        if (!(TargetRelativeHalfWidth > 0))
            problems.Add($"TargetRelativeHalfWidth is {TargetRelativeHalfWidth}; it must be positive.");
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            problems.Add($"ConfidenceLevel is {ConfidenceLevel}; it must be strictly between 0 and 1.");
        return problems;
    }

    /// <summary>Decides after each run whether to take another.</summary>
    /// <param name="samples">All measured samples so far (warm-up excluded).</param>
    /// <param name="elapsed">Time spent measuring so far.</param>
    /// <exception cref="ArgumentException">The rule's settings are invalid (every problem listed).</exception>
    public StoppingDecision Evaluate(IReadOnlyList<double> samples, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var problems = Validate();
        if (problems.Count > 0)
            throw new ArgumentException("Invalid stopping rule: " + string.Join(" ", problems));

        int runs = samples.Count;
        double relativeHalfWidth = runs >= 2
            ? SampleStatistics.From(samples, ConfidenceLevel).RelativeHalfWidth
            : double.NaN;

        StoppingReason reason =
            runs >= MinRuns && relativeHalfWidth <= TargetRelativeHalfWidth ? StoppingReason.TargetMet
            : runs >= MaxRuns ? StoppingReason.MaxRuns
            : elapsed >= MaxDuration ? StoppingReason.MaxDuration
            : StoppingReason.Continue;

        return new StoppingDecision(reason != StoppingReason.Continue, reason, runs, relativeHalfWidth, TargetRelativeHalfWidth);
    }
}
