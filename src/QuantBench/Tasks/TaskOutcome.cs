using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>One scored task: which choice the model preferred and whether it was a correct one.</summary>
/// <param name="Number">The task's 0-based place in its file, so two models' answers pair up.</param>
/// <param name="Chosen">The 0-based choice with the highest score.</param>
/// <param name="Scores">Each choice's score: the mean log-probability of its scored tokens.</param>
public sealed record TaskOutcome(int Number, int Chosen, bool Correct, ImmutableArray<double> Scores);
