using QuantBench.Results;

namespace QuantBench.Decisions;

/// <summary>
/// Where decisions read a model's quality from. Quality (KLD against the reference) lands on another branch;
/// until then no result has it, and every decision treats quality as not measured.
/// </summary>
public static class QualityFigures
{
    /// <summary>The mean KL divergence of the model against its reference, or null when not measured.</summary>
    //QUALITY wire to the quality result once it is merged, e.g. model.Quality?.MeanKld
    public static double? MeanKld(ModelResult model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return null;
    }
}
