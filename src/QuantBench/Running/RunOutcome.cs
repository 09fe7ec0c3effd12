using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>What a run reached: every model finished, and whether it was interrupted before the plan's end.</summary>
public sealed record RunOutcome(RunResult Run, bool Interrupted);
