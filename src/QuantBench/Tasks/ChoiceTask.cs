using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>
/// A HellaSwag or multiple-choice task: a context continued by each ending in turn
/// (scored text = context + " " + ending). <see cref="Labels"/> holds 1 for a correct ending.
/// </summary>
/// <param name="Number">The task's 0-based place in its file.</param>
public sealed record ChoiceTask(int Number, string Context, ImmutableArray<string> Endings, ImmutableArray<int> Labels)
{
    public bool IsCorrect(int ending) => Labels[ending] == 1;
}
