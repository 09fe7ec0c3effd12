namespace QuantBench.Engines;

/// <summary>Which engine and build produced a result: name, library version, native build, and the CPU variant loaded.</summary>
public sealed record EngineInfo(string Name, string LibraryVersion, string NativeBuild, string NativeVariant, string SystemInfo);
