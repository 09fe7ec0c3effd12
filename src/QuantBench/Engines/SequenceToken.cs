namespace QuantBench.Engines;

/// <summary>The token a <see cref="IBatchDecoder.Step"/> produced for one sequence.</summary>
public readonly record struct SequenceToken(int SequenceId, int Token);
