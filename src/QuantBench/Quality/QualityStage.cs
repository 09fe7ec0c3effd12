namespace QuantBench.Quality;

/// <summary>What a quality evaluation is busy with.</summary>
public enum QualityStage
{
    /// <summary>Drawing evaluation tokens from the baseline model.</summary>
    SamplingText,

    /// <summary>Evaluating chunks and scoring their second halves.</summary>
    EvaluatingChunks,
}
