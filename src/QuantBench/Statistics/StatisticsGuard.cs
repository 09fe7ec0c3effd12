namespace QuantBench.Statistics;

/// <summary>Argument checks shared by the statistics types, so each reports the same reason the same way.</summary>
internal static class StatisticsGuard
{
    public static void ConfidenceLevel(double level, string paramName)
    {
        if (!(level > 0 && level < 1))
            throw new ArgumentOutOfRangeException(paramName, level, "A confidence level must be strictly between 0 and 1.");
    }

    public static void AllFinite(IReadOnlyList<double> values, string paramName)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"Sample value at index {i} is {values[i]}; samples must be finite.", paramName);
        }
    }
}
