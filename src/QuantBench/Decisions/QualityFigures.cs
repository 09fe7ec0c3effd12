using QuantBench.Results;

namespace QuantBench.Decisions;

/// <summary>Where decisions read a model's quality from: its mean KL divergence against the run's baseline (0 for the baseline itself).</summary>
public static class QualityFigures
{
    /// <summary>The mean KL divergence of the model against its baseline, or null when quality was not measured.</summary>
    public static double? MeanKld(ModelResult model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Quality switch
        {
            { KlDivergence: { } kld } => kld.MeanKld,
            { } => 0.0, // the baseline: compared with itself
            null => null,
        };
    }
}
