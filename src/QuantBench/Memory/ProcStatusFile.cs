using System.Text;
using Microsoft.Win32.SafeHandles;

namespace QuantBench.Memory;

/// <summary>
/// Keeps <c>/proc/&lt;pid&gt;/status</c> open and re-reads it from offset 0: procfs regenerates the text on
/// each positioned read, so a 200 Hz sampler neither reopens the file nor allocates a string per reading.
/// Not thread-safe: one reader thread owns it.
/// </summary>
internal sealed class ProcStatusFile : IProcStatusSource
{
    private readonly SafeFileHandle _handle;
    private readonly byte[] _bytes = new byte[8192];
    private readonly char[] _chars = new char[8192];

    private ProcStatusFile(SafeFileHandle handle) => _handle = handle;

    /// <summary>Null when the file cannot be opened (not Linux, process gone).</summary>
    public static ProcStatusFile? TryOpen(int pid)
    {
        try
        {
            return new ProcStatusFile(File.OpenHandle(ProcessMemoryReader.StatusPath(pid), FileMode.Open, FileAccess.Read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>A fresh snapshot, or null when the process has exited.</summary>
    public ProcessMemorySnapshot? Read()
    {
        int length;
        try
        {
            length = RandomAccess.Read(_handle, _bytes, fileOffset: 0);
        }
        catch (IOException)
        {
            return null;
        }
        // The status file is ASCII apart from the process name, which the parser ignores.
        var charCount = Encoding.Latin1.GetChars(_bytes.AsSpan(0, length), _chars);
        return ProcStatusParser.Parse(_chars.AsSpan(0, charCount));
    }

    public void Dispose() => _handle.Dispose();
}
