namespace QuantBench.Gguf;

/// <summary>One key/value pair of a GGUF file's metadata.</summary>
public sealed record GgufMetadataEntry(string Key, GgufValue Value);
