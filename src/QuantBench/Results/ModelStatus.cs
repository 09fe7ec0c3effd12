namespace QuantBench.Results;

/// <summary>Whether a model's measurement finished; a failure keeps its cause and the others' results.</summary>
public enum ModelStatus
{
    Succeeded,
    Failed,
}
