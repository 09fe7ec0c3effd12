namespace QuantBench.Engines;

/// <summary>The shape of the context a batch decoder needs: how many sequences, and how long each may grow.</summary>
public sealed record BatchDecoderOptions(int MaxSequences, int TokensPerSequence)
{
    /// <summary>Every problem with the options, one line each; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxSequences < 1) problems.Add($"a batch decoder needs at least one sequence (got {MaxSequences})");
        if (TokensPerSequence < 1) problems.Add($"a sequence must hold at least one token (got {TokensPerSequence})");
        return problems;
    }
}
