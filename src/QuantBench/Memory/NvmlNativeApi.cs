using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;

namespace QuantBench.Memory;

/// <summary>
/// <see cref="INvmlApi"/> over the driver's <c>libnvidia-ml.so.1</c>, loaded at run time so that machines
/// without an NVIDIA driver need nothing and lose nothing. Entry points are bound through delegates,
/// which keeps the core library free of unsafe code.
/// </summary>
public sealed class NvmlNativeApi : INvmlApi
{
    // The driver installs only the versioned name; the unversioned one exists with the CUDA toolkit's stubs.
    private static readonly string[] LibraryNames = ["libnvidia-ml.so.1", "libnvidia-ml.so", "nvml.dll"];

    // NVML_VALUE_NOT_AVAILABLE in nvml.h: the driver has no figure for this process.
    private const ulong ValueNotAvailable = ulong.MaxValue;
    private const int DeviceNameBufferBytes = 96;

    private readonly IntPtr _library;
    private readonly ShutdownFn _shutdown;
    private readonly GetCountFn _getCount;
    private readonly GetHandleFn _getHandle;
    private readonly GetNameFn? _getName;
    private readonly GetMemoryFn _getMemory;
    private readonly GetProcessesV2Fn? _getProcessesV2;
    private readonly GetProcessesV1Fn? _getProcessesV1;
    private int _disposed;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int InitFn();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int ShutdownFn();
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int GetCountFn(out uint count);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int GetHandleFn(uint index, out IntPtr device);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int GetNameFn(IntPtr device, [Out] byte[] name, uint length);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int GetMemoryFn(IntPtr device, out MemoryNative memory);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int GetProcessesV2Fn(IntPtr device, ref uint count, [Out] ProcessInfoV2Native[]? infos);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] private delegate int GetProcessesV1Fn(IntPtr device, ref uint count, [Out] ProcessInfoV1Native[]? infos);

    [StructLayout(LayoutKind.Sequential)]
    private struct MemoryNative
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    /// <summary>nvmlProcessInfo_v2_t, also taken by the _v3 entry point (24 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ProcessInfoV2Native
    {
        public uint Pid;
        public ulong UsedGpuMemory;
        public uint GpuInstanceId;
        public uint ComputeInstanceId;
    }

    /// <summary>nvmlProcessInfo_v1_t, taken by the unversioned entry point of older drivers (16 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ProcessInfoV1Native
    {
        public uint Pid;
        public ulong UsedGpuMemory;
    }

    private static readonly string[] RequiredExports =
        ["nvmlInit_v2", "nvmlShutdown", "nvmlDeviceGetCount_v2", "nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetMemoryInfo"];

    private NvmlNativeApi(IntPtr library)
    {
        _library = library;
        _shutdown = Bind<ShutdownFn>(library, "nvmlShutdown")!;
        _getCount = Bind<GetCountFn>(library, "nvmlDeviceGetCount_v2")!;
        _getHandle = Bind<GetHandleFn>(library, "nvmlDeviceGetHandleByIndex_v2")!;
        _getMemory = Bind<GetMemoryFn>(library, "nvmlDeviceGetMemoryInfo")!;
        _getName = Bind<GetNameFn>(library, "nvmlDeviceGetName");
        _getProcessesV2 = Bind<GetProcessesV2Fn>(library, "nvmlDeviceGetComputeRunningProcesses_v3")
            ?? Bind<GetProcessesV2Fn>(library, "nvmlDeviceGetComputeRunningProcesses_v2");
        if (_getProcessesV2 is null)
            _getProcessesV1 = Bind<GetProcessesV1Fn>(library, "nvmlDeviceGetComputeRunningProcesses");
    }

    /// <summary>
    /// Loads and initialises NVML. False, with a reason fit for a report, when the library, an entry point
    /// or the driver is missing; never throws for those.
    /// </summary>
    public static bool TryLoad([NotNullWhen(true)] out INvmlApi? api, out string reason)
    {
        api = null;
        var library = IntPtr.Zero;
        foreach (var name in LibraryNames)
        {
            if (NativeLibrary.TryLoad(name, out library))
                break;
        }
        if (library == IntPtr.Zero)
        {
            reason = "NVML library (libnvidia-ml.so.1) not found: no NVIDIA driver.";
            return false;
        }

        var missing = RequiredExports.Where(e => !NativeLibrary.TryGetExport(library, e, out _)).ToList();
        if (missing.Count > 0)
        {
            NativeLibrary.Free(library);
            reason = $"NVML lacks {string.Join(", ", missing)}: driver too old.";
            return false;
        }

        var initResult = (NvmlResult)Bind<InitFn>(library, "nvmlInit_v2")!();
        if (initResult != NvmlResult.Success)
        {
            NativeLibrary.Free(library);
            reason = $"nvmlInit failed: {initResult}.";
            return false;
        }

        api = new NvmlNativeApi(library);
        reason = "";
        return true;
    }

    private static T? Bind<T>(IntPtr library, string export) where T : Delegate =>
        NativeLibrary.TryGetExport(library, export, out var address)
            ? Marshal.GetDelegateForFunctionPointer<T>(address)
            : null;

    /// <inheritdoc />
    public NvmlResult GetDeviceCount(out int count)
    {
        var result = (NvmlResult)_getCount(out var n);
        count = (int)n;
        return result;
    }

    /// <inheritdoc />
    public NvmlResult GetDeviceName(int index, out string name)
    {
        name = "";
        if (_getName is null)
            return NvmlResult.FunctionNotFound;
        var result = Handle(index, out var device);
        if (result != NvmlResult.Success)
            return result;
        var buffer = new byte[DeviceNameBufferBytes];
        result = (NvmlResult)_getName(device, buffer, (uint)buffer.Length);
        if (result == NvmlResult.Success)
        {
            var end = Array.IndexOf(buffer, (byte)0);
            name = Encoding.UTF8.GetString(buffer, 0, end < 0 ? buffer.Length : end);
        }
        return result;
    }

    /// <inheritdoc />
    public NvmlResult GetMemoryInfo(int index, out NvmlDeviceMemory memory)
    {
        memory = default;
        var result = Handle(index, out var device);
        if (result != NvmlResult.Success)
            return result;
        result = (NvmlResult)_getMemory(device, out var m);
        if (result == NvmlResult.Success)
            memory = new NvmlDeviceMemory((long)m.Total, (long)m.Free, (long)m.Used);
        return result;
    }

    /// <inheritdoc />
    public NvmlResult GetComputeRunningProcesses(int index, out IReadOnlyList<NvmlProcessMemory> processes)
    {
        processes = [];
        var result = Handle(index, out var device);
        if (result != NvmlResult.Success)
            return result;
        if (_getProcessesV2 is not null)
            return Query<ProcessInfoV2Native>(_getProcessesV2.Invoke, device, p => new NvmlProcessMemory(p.Pid, Figure(p.UsedGpuMemory)), out processes);
        if (_getProcessesV1 is not null)
            return Query<ProcessInfoV1Native>(_getProcessesV1.Invoke, device, p => new NvmlProcessMemory(p.Pid, Figure(p.UsedGpuMemory)), out processes);
        return NvmlResult.FunctionNotFound;
    }

    /// <summary>Shuts NVML down and unloads the library.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _shutdown();
        NativeLibrary.Free(_library);
    }

    private delegate int ProcessQuery<T>(IntPtr device, ref uint count, T[]? infos);

    private static NvmlResult Query<T>(ProcessQuery<T> query, IntPtr device, Func<T, NvmlProcessMemory> convert, out IReadOnlyList<NvmlProcessMemory> processes)
        where T : struct
    {
        processes = [];
        // Ask for the count first; processes can start between the calls, so retry with headroom.
        uint count = 0;
        var result = (NvmlResult)query(device, ref count, null);
        for (var attempt = 0; attempt < 3 && result == NvmlResult.InsufficientSize; attempt++)
        {
            var buffer = new T[count + 8];
            count = (uint)buffer.Length;
            result = (NvmlResult)query(device, ref count, buffer);
            if (result == NvmlResult.Success)
                processes = [.. buffer.Take((int)count).Select(convert)];
        }
        return result;
    }

    private static long? Figure(ulong bytes) => bytes == ValueNotAvailable ? null : (long)bytes;

    private NvmlResult Handle(int index, out IntPtr device)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        return (NvmlResult)_getHandle((uint)index, out device);
    }
}
