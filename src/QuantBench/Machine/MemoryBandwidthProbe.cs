using System.Collections.Immutable;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuantBench.Machine;

/// <summary>
/// Measures main-memory READ bandwidth, the resource that bounds token generation, and a STREAM-style triad:
/// one thread per core, each pinned to its CPU, works on its slice of a buffer several times the L3 cache, in
/// several rounds of several passes. The fastest pass of each round is the round's figure, the fastest round the
/// result, and the spread between rounds says whether a share of the roofline can be trusted.
/// </summary>
public static class MemoryBandwidthProbe
{
    /// <summary>256 MiB: far beyond the last-level cache of current desktop and most server CPUs.</summary>
    public const long DefaultBufferBytes = 256L * 1024 * 1024;

    /// <summary>Rounds measured by default.</summary>
    public const int DefaultRounds = 5;

    private const long MaxBufferBytes = 4L * 1024 * 1024 * 1024;
    private const int MinPasses = 3;
    private const int CacheLineBytes = 64;

    private enum Work { Fill, Read, Triad, Stop }

    /// <summary>The larger of <see cref="DefaultBufferBytes"/> and four times the L3 cache, so caches cannot serve the reads.</summary>
    public static long RecommendedBufferBytes(long? l3CacheBytes) =>
        Math.Min(MaxBufferBytes, Math.Max(DefaultBufferBytes, 4 * (l3CacheBytes ?? 0)));

    /// <summary>
    /// Measures on <paramref name="threads"/> pinned threads: <paramref name="rounds"/> rounds, each at least three
    /// read passes and three triad passes over about <paramref name="roundDuration"/> (200 ms by default). The
    /// buffer is <see cref="RecommendedBufferBytes"/> of this machine's L3 unless <paramref name="bufferBytes"/> is given.
    /// </summary>
    public static MemoryBandwidthResult Measure(
        int threads,
        long? bufferBytes = null,
        int rounds = DefaultRounds,
        TimeSpan? roundDuration = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        var topology = CpuTopology.Read();
        long bytes = bufferBytes ?? RecommendedBufferBytes(topology.L3CacheBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 3L * threads * CacheLineBytes);
        var kernelBudget = (roundDuration ?? TimeSpan.FromMilliseconds(200)) / 2;
        var cpus = topology.PickCpus(ThreadAffinity.AllowedCpus(), threads);

        var buffer = GC.AllocateUninitializedArray<ulong>((int)(bytes / sizeof(ulong)));
        var readSlices = Slice(buffer.Length, threads);
        int third = buffer.Length / 3;
        var triadSlices = Slice(third, threads);
        var sink = new ulong[threads * 8]; // 64 bytes apart: no false sharing between writers
        var work = (int)Work.Fill;
        var pinned = new bool[threads];
        using var barrier = new Barrier(threads + 1);
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var index = t;
            workers[t] = new Thread(() =>
            {
                pinned[index] = index < cpus.Length && ThreadAffinity.PinCurrentThread(cpus[index]);
                var (start, length) = readSlices[index];
                var (triadStart, triadLength) = triadSlices[index];
                var doubles = MemoryMarshal.Cast<ulong, double>(buffer.AsSpan());
                while (true)
                {
                    barrier.SignalAndWait();
                    switch ((Work)Volatile.Read(ref work))
                    {
                        case Work.Stop:
                            return;
                        case Work.Fill:
                            // Write every element, on the thread that reads it (first touch places the pages on its
                            // node): untouched pages all map the kernel's zero page, whose reads come from cache.
                            // Small whole numbers as doubles, so that the triad never meets denormals.
                            Fill(doubles.Slice(start, length), start);
                            break;
                        case Work.Read:
                            sink[index * 8] += Sum(buffer.AsSpan(start, length));
                            break;
                        case Work.Triad:
                            Triad(doubles.Slice(triadStart, triadLength), doubles.Slice(third + triadStart, triadLength), doubles.Slice(2 * third + triadStart, triadLength), 3.0);
                            break;
                    }

                    barrier.SignalAndWait();
                }
            })
            { IsBackground = true, Name = $"QuantBench bandwidth {t}" };
            workers[t].Start();
        }

        double RunOnce(Work kind)
        {
            Volatile.Write(ref work, (int)kind);
            var clock = Stopwatch.StartNew();
            barrier.SignalAndWait();
            barrier.SignalAndWait();
            return clock.Elapsed.TotalSeconds;
        }

        double Fastest(Work kind, ref int passes)
        {
            var best = double.MaxValue;
            var clock = Stopwatch.StartNew();
            for (var pass = 0; pass < MinPasses || (clock.Elapsed < kernelBudget && !cancellationToken.IsCancellationRequested); pass++)
            {
                best = Math.Min(best, RunOnce(kind));
                passes++;
            }

            return best;
        }

        var readRounds = ImmutableArray.CreateBuilder<double>(rounds);
        var triadRounds = ImmutableArray.CreateBuilder<double>(rounds);
        var readPasses = 0;
        var triadPasses = 0;
        var bestPass = double.MaxValue;
        long readBytes = (long)buffer.Length * sizeof(ulong);
        long triadBytes = 3L * third * sizeof(double);
        try
        {
            RunOnce(Work.Fill);
            for (var round = 0; round < rounds && !cancellationToken.IsCancellationRequested; round++)
            {
                var read = Fastest(Work.Read, ref readPasses);
                bestPass = Math.Min(bestPass, read);
                readRounds.Add(readBytes / read);
                triadRounds.Add(triadBytes / Fastest(Work.Triad, ref triadPasses));
            }
        }
        finally
        {
            Volatile.Write(ref work, (int)Work.Stop);
            barrier.SignalAndWait();
            foreach (var w in workers)
                w.Join();
        }

        cancellationToken.ThrowIfCancellationRequested();
        GC.KeepAlive(sink);

        var reads = new BandwidthRounds(readRounds.ToImmutable());
        var triads = new BandwidthRounds(triadRounds.ToImmutable());
        return new MemoryBandwidthResult
        {
            BytesPerSecond = reads.Best,
            Threads = threads,
            BufferBytes = readBytes,
            Passes = readPasses,
            BestPassSeconds = bestPass,
            VectorBits = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128,
            RoundBytesPerSecond = reads.BytesPerSecond,
            RelativeSpread = reads.RelativeSpread,
            TriadBytesPerSecond = triads.Best,
            RoundTriadBytesPerSecond = triads.BytesPerSecond,
            PinnedCpus = pinned.All(p => p) ? cpus : [],
            L3CacheBytes = topology.L3CacheBytes,
        };
    }

    /// <summary>Contiguous slices, each a whole number of cache lines except the last.</summary>
    internal static (int Start, int Length)[] Slice(int elements, int parts)
    {
        const int lineElements = CacheLineBytes / sizeof(ulong);
        var per = elements / parts / lineElements * lineElements;
        var slices = new (int, int)[parts];
        for (var p = 0; p < parts; p++)
        {
            var start = p * per;
            slices[p] = (start, p == parts - 1 ? elements - start : per);
        }
        return slices;
    }

    private static void Fill(Span<double> data, int offset)
    {
        for (var i = 0; i < data.Length; i++)
            data[i] = 1 + ((offset + i) & 1023);
    }

    /// <summary>STREAM's triad: a[i] = b[i] + scalar * c[i], with the widest vectors the runtime offers.</summary>
    // Fully optimised from the first call: a kernel run a few dozen times would otherwise be timed partly as tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Triad(Span<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, double scalar)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(b.Length, a.Length);
        ArgumentOutOfRangeException.ThrowIfNotEqual(c.Length, a.Length);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rc = ref MemoryMarshal.GetReference(c);
        var n = (nuint)a.Length;
        nuint i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<double>(scalar);
            var w = (nuint)Vector<double>.Count;
            for (; i + w <= n; i += w)
                (Vector.LoadUnsafe(ref rb, i) + s * Vector.LoadUnsafe(ref rc, i)).StoreUnsafe(ref ra, i);
        }
        for (; i < n; i++)
            a[(int)i] = b[(int)i] + scalar * c[(int)i];
    }

    /// <summary>Sum with four independent accumulators, so that the adds never wait on one another and only loads limit the speed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ulong Sum(ReadOnlySpan<ulong> data)
    {
        ref var first = ref MemoryMarshal.GetReference(data);
        var n = (nuint)data.Length;
        nuint i = 0;
        ulong sum = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var w = (nuint)Vector512<ulong>.Count;
            Vector512<ulong> a0 = default, a1 = default, a2 = default, a3 = default;
            for (; i + 4 * w <= n; i += 4 * w)
            {
                a0 += Vector512.LoadUnsafe(ref first, i);
                a1 += Vector512.LoadUnsafe(ref first, i + w);
                a2 += Vector512.LoadUnsafe(ref first, i + 2 * w);
                a3 += Vector512.LoadUnsafe(ref first, i + 3 * w);
            }
            sum = Vector512.Sum(a0 + a1 + a2 + a3);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var w = (nuint)Vector256<ulong>.Count;
            Vector256<ulong> a0 = default, a1 = default, a2 = default, a3 = default;
            for (; i + 4 * w <= n; i += 4 * w)
            {
                a0 += Vector256.LoadUnsafe(ref first, i);
                a1 += Vector256.LoadUnsafe(ref first, i + w);
                a2 += Vector256.LoadUnsafe(ref first, i + 2 * w);
                a3 += Vector256.LoadUnsafe(ref first, i + 3 * w);
            }
            sum = Vector256.Sum(a0 + a1 + a2 + a3);
        }
        for (; i < n; i++)
            sum += data[(int)i];
        return sum;
    }
}
