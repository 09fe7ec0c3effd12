namespace QuantBench.Tasks;

/// <summary>Which tasks of a file llama-perplexity scores, and in what order (its rules, not its code).</summary>
public static class TaskSelection
{
    /// <summary>
    /// HellaSwag: <paramref name="count"/> tasks drawn without replacement by std::mt19937(1), each draw a
    /// std::uniform_int_distribution&lt;size_t&gt; over the tasks left (libstdc++'s: Lemire's multiply-shift
    /// with rejection), the drawn task removed so the rest shift down. Returns indices into the file's tasks.
    /// </summary>
    public static IReadOnlyList<int> HellaSwag(int available, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        count = Math.Clamp(count, 0, available);
        var rng = new MersenneTwister(1);
        var left = Enumerable.Range(0, available).ToList();
        var picked = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            int j = (int)UniformBelow(rng, (uint)left.Count);
            picked.Add(left[j]);
            left.RemoveAt(j);
        }

        return picked;
    }

    /// <summary>
    /// Winogrande and multiple choice with a task count below the file's: std::mt19937(1) scaled by
    /// 2^-32 in single precision (j = (int)(float(r) * 2^-32 * float(n))), the drawn slot filled by the last.
    /// All tasks, in file order, when <paramref name="count"/> is 0 or not below <paramref name="available"/>.
    /// </summary>
    public static IReadOnlyList<int> Scaled(int available, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        if (count <= 0 || count >= available)
        {
            return Enumerable.Range(0, available).ToArray();
        }

        var rng = new MersenneTwister(1);
        var aux = Enumerable.Range(0, available).ToList();
        const float scale = 1f / 4294967296f;
        var picked = new int[count];
        for (int i = 0; i < count; i++)
        {
            float scaled = scale * (float)rng.Next();
            int j = Math.Min((int)(scaled * (float)aux.Count), aux.Count - 1);
            picked[i] = aux[j];
            aux[j] = aux[^1];
            aux.RemoveAt(aux.Count - 1);
        }

        return picked;
    }

    /// <summary>libstdc++'s uniform_int_distribution for a 32-bit generator and a range of <paramref name="range"/> values.</summary>
    private static uint UniformBelow(MersenneTwister rng, uint range)
    {
        ulong product = (ulong)rng.Next() * range;
        uint low = (uint)product;
        if (low < range)
        {
            uint threshold = unchecked(0u - range) % range;
            while (low < threshold)
            {
                product = (ulong)rng.Next() * range;
                low = (uint)product;
            }
        }

        return (uint)(product >> 32);
    }
}
