using System.Collections.Immutable;
using QuantBench.Models;
using QuantBench.Results;

namespace QuantBench.Preparation;

/// <summary>
/// One level as made: its file, what it really holds (read back with QuantBench's own GGUF reader), and every
/// tensor whose type differs from QuantBench's plan of llama.cpp's rules (empty when the two agree).
/// </summary>
public sealed record QuantizedLevel(QuantizationType Level, string Path, LevelMix Mix, ImmutableArray<string> Mismatches);
