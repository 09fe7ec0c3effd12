namespace QuantBench.Tasks;

/// <summary>
/// A Winogrande task: the sentence is <see cref="First"/> + choice + <see cref="Second"/> (the '_' replaced);
/// <see cref="Answer"/> is 1 or 2.
/// </summary>
/// <param name="Number">The task's 0-based place among the file's tasks.</param>
public sealed record WinograndeTask(int Number, string First, string Second, string Choice1, string Choice2, int Answer);
