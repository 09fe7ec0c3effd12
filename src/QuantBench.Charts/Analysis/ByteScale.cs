namespace QuantBench.Charts.Analysis;

/// <summary>A binary byte unit for an axis, chosen so the largest value reads between 1 and 1024.</summary>
public sealed record ByteScale(string Unit, double BytesPerUnit)
{
    public static ByteScale For(double largestBytes) => largestBytes switch
    {
        >= 1L << 30 => new("GiB", 1L << 30),
        >= 1L << 20 => new("MiB", 1L << 20),
        _ => new("KiB", 1L << 10),
    };

    public double Convert(double bytes) => bytes / BytesPerUnit;
}
