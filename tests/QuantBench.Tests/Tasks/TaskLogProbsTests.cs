using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

public sealed class TaskLogProbsTests
{
    /// <summary>llama-perplexity's log_softmax for one token, written plainly: the reference the fast code must equal bit for bit.</summary>
    private static float Reference(float[] row, int token)
    {
        float max = row[0];
        foreach (float v in row)
        {
            max = Math.Max(max, v);
        }

        float sum = 0f;
        foreach (float v in row)
        {
            sum += MathF.Exp(v - max);
        }

        return row[token] - max - MathF.Log(sum);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(1000)]
    [InlineData(32003)]
    public void LogProb_equals_the_plain_computation_bit_for_bit(int vocabulary)
    {
        var random = new Random(vocabulary);
        for (int trial = 0; trial < 5; trial++)
        {
            var row = Enumerable.Range(0, vocabulary).Select(_ => (float)(random.NextDouble() * 40 - 20)).ToArray();
            // The maximum anywhere, the tail included.
            row[random.Next(vocabulary)] = 30f + trial;
            int token = random.Next(vocabulary);
            Assert.Equal(BitConverter.SingleToInt32Bits(Reference(row, token)), BitConverter.SingleToInt32Bits(TaskLogProbs.LogProb(row, token)));
            var (max, sum) = TaskLogProbs.Softmax(row);
            Assert.Equal(row.Max(), max);
            Assert.Equal(row.Sum(v => (double)MathF.Exp(v - row.Max())), sum);
        }
    }

    [Fact]
    public void The_maximum_in_the_last_elements_is_found()
    {
        var row = Enumerable.Repeat(-5f, 37).ToArray();
        row[^1] = 3f;
        Assert.Equal(3f, TaskLogProbs.Softmax(row).Max);
    }
}
