namespace QuantBench.Tasks;

/// <summary>
/// One llama_batch of task sequences: each token with its position, the sequences it belongs to (a shared
/// prefix belongs to all of a task's choices) and whether its logits are wanted.
/// </summary>
public sealed class TaskBatch
{
    private readonly List<int> tokens = [];
    private readonly List<int> positions = [];
    private readonly List<int[]> sequences = [];
    private readonly List<bool> outputs = [];

    public int Count => tokens.Count;

    /// <summary>How many logits rows a decode of this batch returns (tokens whose logits are wanted).</summary>
    public int OutputCount { get; private set; }

    public IReadOnlyList<int> Tokens => tokens;

    public IReadOnlyList<int> Positions => positions;

    public IReadOnlyList<int[]> Sequences => sequences;

    public IReadOnlyList<bool> Outputs => outputs;

    public void Clear()
    {
        tokens.Clear();
        positions.Clear();
        sequences.Clear();
        outputs.Clear();
        OutputCount = 0;
    }

    public void Add(int token, int position, int[] sequenceIds, bool output)
    {
        tokens.Add(token);
        positions.Add(position);
        sequences.Add(sequenceIds);
        outputs.Add(output);
        OutputCount += output ? 1 : 0;
    }

    /// <summary>Asks for the logits of the last token added.</summary>
    public void OutputLast()
    {
        if (!outputs[^1])
        {
            outputs[^1] = true;
            OutputCount++;
        }
    }
}
