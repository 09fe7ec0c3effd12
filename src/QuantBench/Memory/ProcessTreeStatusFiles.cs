namespace QuantBench.Memory;

/// <summary>
/// The status files of a process, its descendants and its process group (a wrapper script and the
/// server it starts), read together and summed into one snapshot. Membership is re-read from /proc
/// every <see cref="RefreshEvery"/> readings, not each one: a scan of /proc costs far more than a
/// positioned re-read of the open files. Not thread-safe: one reader thread owns it.
/// </summary>
internal sealed class ProcessTreeStatusFiles : IProcStatusSource
{
    /// <summary>Readings between two scans of /proc: 50 ms at 200 Hz.</summary>
    internal const int RefreshEvery = 10;

    private readonly int _rootProcessId;
    private readonly Dictionary<int, ProcStatusFile> _files = [];
    private int _readsSinceRefresh = RefreshEvery;

    internal ProcessTreeStatusFiles(int rootProcessId) => _rootProcessId = rootProcessId;

    /// <summary>The processes summed at the last refresh.</summary>
    internal IReadOnlyCollection<int> Members => _files.Keys;

    /// <summary>The processes of the tree and group now (a scan of /proc).</summary>
    internal static IReadOnlyList<int> CurrentMembers(int rootProcessId) => ProcessTable.Read().TreeAndGroup(rootProcessId);

    public ProcessMemorySnapshot? Read()
    {
        if (++_readsSinceRefresh >= RefreshEvery)
        {
            _readsSinceRefresh = 0;
            Refresh();
        }

        ProcessMemorySnapshot? sum = null;
        foreach (var (pid, file) in _files)
        {
            if (file.Read() is not { } s)
                continue;
            sum = sum is null ? s : new ProcessMemorySnapshot
            {
                ResidentBytes = sum.ResidentBytes + s.ResidentBytes,
                PeakResidentBytes = sum.PeakResidentBytes + s.PeakResidentBytes,
                AnonymousResidentBytes = sum.AnonymousResidentBytes + s.AnonymousResidentBytes,
                FileResidentBytes = sum.FileResidentBytes + s.FileResidentBytes,
                SharedMemoryResidentBytes = sum.SharedMemoryResidentBytes + s.SharedMemoryResidentBytes,
                SwapBytes = sum.SwapBytes + s.SwapBytes,
            };
        }
        return sum;
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
            file.Dispose();
        _files.Clear();
    }

    private void Refresh()
    {
        var members = CurrentMembers(_rootProcessId).ToHashSet();
        foreach (var gone in _files.Keys.Where(pid => !members.Contains(pid)).ToList())
        {
            _files[gone].Dispose();
            _files.Remove(gone);
        }
        foreach (var pid in members.Where(pid => !_files.ContainsKey(pid)))
        {
            if (ProcStatusFile.TryOpen(pid) is { } file)
                _files[pid] = file;
        }
    }
}
