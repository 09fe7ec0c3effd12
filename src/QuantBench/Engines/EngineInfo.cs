namespace QuantBench.Engines;

/// <summary>
/// Which engine and build produced a result: name, library version, native build, the CPU variant loaded, and,
/// when the user named a native library of their own, its path and SHA-256 (null for the bundled one).
/// </summary>
public sealed record EngineInfo(
    string Name,
    string LibraryVersion,
    string NativeBuild,
    string NativeVariant,
    string SystemInfo,
    string? LibraryPath = null,
    string? LibrarySha256 = null);
