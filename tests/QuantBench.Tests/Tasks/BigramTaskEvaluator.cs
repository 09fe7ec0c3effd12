using System.Collections.Immutable;
using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

/// <summary>
/// A model for task-scoring tests: one token per ASCII character after a BOS (token 1); each row's logits
/// are the log of how often each character follows the row's own character in a training text, so a
/// continuation that occurs in that text scores higher than one that does not, whatever the batch layout.
/// </summary>
internal sealed class BigramTaskEvaluator : ITaskEvaluator
{
    private const int Offset = 2;
    private readonly float[][] rows;

    public BigramTaskEvaluator(string training, int contextTokens = 2048, int maxSequences = 4)
    {
        ContextTokens = contextTokens;
        MaxSequences = maxSequences;
        var counts = new float[VocabularySize][];
        for (int i = 0; i < VocabularySize; i++)
        {
            counts[i] = Enumerable.Repeat(0.1f, VocabularySize).ToArray();
        }

        for (int i = 0; i + 1 < training.Length; i++)
        {
            counts[Token(training[i])][Token(training[i + 1])] += 1;
        }

        rows = counts.Select(row => row.Select(c => MathF.Log(c)).ToArray()).ToArray();
    }

    public int VocabularySize => 128 + Offset;

    public int ContextTokens { get; }

    public int MaxSequences { get; }

    public List<(int Tokens, int Sequences, int Outputs)> Batches { get; } = [];

    public ImmutableArray<int> Tokenize(string text) => [1, .. text.Select(Token)];

    public void Decode(TaskBatch batch, Span<float> logits, CancellationToken cancellationToken)
    {
        Assert.Equal(batch.OutputCount * VocabularySize, logits.Length);
        Batches.Add((batch.Count, batch.Sequences.SelectMany(s => s).Distinct().Count(), batch.OutputCount));
        int row = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            if (batch.Outputs[i])
            {
                rows[batch.Tokens[i]].CopyTo(logits.Slice(row++ * VocabularySize, VocabularySize));
            }
        }
    }

    private static int Token(char c) => Offset + (c & 0x7f);
}
