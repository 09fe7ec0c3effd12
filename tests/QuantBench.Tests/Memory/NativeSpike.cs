using System.Runtime.InteropServices;

namespace QuantBench.Tests.Memory;

/// <summary>
/// Native memory whose every page is written, so it is resident (untouched pages cost no RSS).
/// Large blocks come from mmap, so freeing returns them to the kernel at once.
/// </summary>
internal sealed class NativeSpike : IDisposable
{
    private const int PageBytes = 4096;
    private IntPtr _block;

    public NativeSpike(long bytes)
    {
        Bytes = bytes;
        _block = Marshal.AllocHGlobal((nint)bytes);
        Touch();
    }

    public long Bytes { get; }

    private void Touch()
    {
        for (long offset = 0; offset < Bytes; offset += PageBytes)
            Marshal.WriteByte(_block + (nint)offset, 1);
    }

    public void Dispose()
    {
        if (_block == IntPtr.Zero)
            return;
        Marshal.FreeHGlobal(_block);
        _block = IntPtr.Zero;
    }
}
