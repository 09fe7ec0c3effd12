namespace QuantBench.Synthetic;

/// <summary>
/// xoshiro256** (Blackman and Vigna): a fast PRNG with a published algorithm, so a seed gives the same
/// weights on every runtime, unlike System.Random whose algorithm is unspecified.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the four state words from SplitMix64, as the authors recommend.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    // Irwin-Hall: the sum of four 16-bit uniforms, centred and scaled to unit variance, is close
    // enough to normal for random weights (bounded at about +-3.46) and costs one draw per value.
    private const double IrwinHallMean = 4 * 65535 / 2.0;
    private static readonly double IrwinHallScale = 1.0 / Math.Sqrt(4 * (65536.0 * 65536.0 - 1) / 12);

    /// <summary>A roughly standard-normal value.</summary>
    public float NextNormal()
    {
        var r = NextUInt64();
        var sum = (r & 0xFFFF) + ((r >> 16) & 0xFFFF) + ((r >> 32) & 0xFFFF) + (r >> 48);
        return (float)((sum - IrwinHallMean) * IrwinHallScale);
    }

    public static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
