using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace QuantBench.Gguf;

/// <summary>
/// The metadata of a GGUF file: key/value pairs in file order, with unique keys and lookup by key.
/// </summary>
public sealed class GgufMetadata : IReadOnlyList<GgufMetadataEntry>
{
    private readonly ImmutableArray<GgufMetadataEntry> _entries;
    private readonly FrozenDictionary<string, GgufValue> _byKey;

    /// <exception cref="ArgumentException">Two entries share a key.</exception>
    public GgufMetadata(IEnumerable<GgufMetadataEntry> entries)
    {
        _entries = entries.ToImmutableArray();
        var byKey = new Dictionary<string, GgufValue>(_entries.Length, StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            if (!byKey.TryAdd(entry.Key, entry.Value))
            {
                throw new ArgumentException($"duplicate metadata key '{entry.Key}'", nameof(entries));
            }
        }

        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static GgufMetadata Empty { get; } = new([]);

    public int Count => _entries.Length;

    public GgufMetadataEntry this[int index] => _entries[index];

    /// <exception cref="KeyNotFoundException">The key is absent.</exception>
    public GgufValue this[string key] =>
        _byKey.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no metadata key '{key}'");

    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    public bool TryGetValue(string key, out GgufValue value) => _byKey.TryGetValue(key, out value!);

    /// <summary>The string at <paramref name="key"/>, or null when absent or not a string.</summary>
    public string? GetStringOrNull(string key) =>
        TryGetValue(key, out var v) && v.Type == GgufValueType.String ? v.AsString() : null;

    /// <summary>The integer at <paramref name="key"/>, or null when absent or not a scalar integer.</summary>
    public long? GetInt64OrNull(string key) =>
        TryGetValue(key, out var v) && v.IsInteger && !(v.Payload is ulong u && u > long.MaxValue)
            ? v.AsInt64()
            : null;

    public IEnumerator<GgufMetadataEntry> GetEnumerator() => ((IEnumerable<GgufMetadataEntry>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
