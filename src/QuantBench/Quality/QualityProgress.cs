namespace QuantBench.Quality;

/// <summary>Progress of a quality evaluation: chunks finished out of the total, in the current stage.</summary>
public readonly record struct QualityProgress(QualityStage Stage, int CompletedChunks, int TotalChunks);
