using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace QuantBench.Machine;

/// <summary>
/// Measures main-memory READ bandwidth, the resource that bounds token generation: each thread sums its
/// slice of a buffer well beyond the caches with wide vector loads; the fastest of several passes counts.
/// </summary>
public static class MemoryBandwidthProbe
{
    /// <summary>256 MiB: far beyond the last-level cache of current desktop and most server CPUs.</summary>
    public const long DefaultBufferBytes = 256L * 1024 * 1024;

    private const int MinPasses = 3;
    private const int CacheLineBytes = 64;

    /// <summary>The larger of <see cref="DefaultBufferBytes"/> and four times the L3 cache, so caches cannot serve the reads.</summary>
    public static long RecommendedBufferBytes(long? l3CacheBytes) =>
        Math.Max(DefaultBufferBytes, 4 * (l3CacheBytes ?? 0));

    /// <summary>
    /// Reads the buffer on <paramref name="threads"/> dedicated threads, pass after pass, for about
    /// <paramref name="duration"/> (0.5 s by default; at least three passes).
    /// </summary>
    public static MemoryBandwidthResult Measure(int threads, long bufferBytes = DefaultBufferBytes, TimeSpan? duration = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferBytes, (long)threads * CacheLineBytes);
        var budget = duration ?? TimeSpan.FromMilliseconds(500);

        // Write every element: untouched pages all map the kernel's shared zero page, whose reads come
        // from cache and would report an impossible bandwidth.
        var buffer = GC.AllocateUninitializedArray<ulong>((int)(bufferBytes / sizeof(ulong)));
        for (var i = 0; i < buffer.Length; i++)
            buffer[i] = (ulong)i;

        var slices = Slice(buffer.Length, threads);
        var sink = new ulong[threads * 8]; // 64 bytes apart: no false sharing between writers
        var stop = false;
        using var barrier = new Barrier(threads + 1);
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var (start, length) = slices[t];
            var index = t;
            workers[t] = new Thread(() =>
            {
                while (true)
                {
                    barrier.SignalAndWait();
                    if (Volatile.Read(ref stop))
                        return;
                    sink[index * 8] += Sum(buffer.AsSpan(start, length));
                    barrier.SignalAndWait();
                }
            })
            { IsBackground = true, Name = $"QuantBench bandwidth {t}" };
            workers[t].Start();
        }

        var best = double.MaxValue;
        var passes = 0;
        var total = Stopwatch.StartNew();
        var pass = new Stopwatch();
        try
        {
            while (passes < MinPasses || (total.Elapsed < budget && !cancellationToken.IsCancellationRequested))
            {
                pass.Restart();
                barrier.SignalAndWait();
                barrier.SignalAndWait();
                best = Math.Min(best, pass.Elapsed.TotalSeconds);
                passes++;
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            barrier.SignalAndWait();
            foreach (var w in workers)
                w.Join();
        }
        cancellationToken.ThrowIfCancellationRequested();
        GC.KeepAlive(sink);

        var bytesRead = (long)buffer.Length * sizeof(ulong);
        return new MemoryBandwidthResult
        {
            BytesPerSecond = bytesRead / best,
            Threads = threads,
            BufferBytes = bytesRead,
            Passes = passes,
            BestPassSeconds = best,
            VectorBits = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 128,
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

    /// <summary>Sum with four independent accumulators, so that the adds never wait on one another and only loads limit the speed.</summary>
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
