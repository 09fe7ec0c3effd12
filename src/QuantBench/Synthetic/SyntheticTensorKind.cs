namespace QuantBench.Synthetic;

/// <summary>How a synthetic tensor's values are drawn.</summary>
internal enum SyntheticTensorKind
{
    /// <summary>RMS-norm weights: all 1.0.</summary>
    Norm,

    /// <summary>Token embeddings: normal with standard deviation 0.02, as GPT-style initialisation.</summary>
    Embedding,

    /// <summary>Projections: normal with standard deviation 1/sqrt(row length), keeping activations near unit scale.</summary>
    Projection,
}
