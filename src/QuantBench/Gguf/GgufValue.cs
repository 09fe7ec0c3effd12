using System.Collections.Immutable;
using System.Globalization;

namespace QuantBench.Gguf;

/// <summary>
/// One typed GGUF metadata value: a number, bool, string, or an array of values of one type.
/// Equality compares arrays element by element, so a value read back equals the value written.
/// </summary>
public sealed record GgufValue
{
    // A boxed scalar of the CLR type matching Type, a string, or ImmutableArray<GgufValue>.
    private readonly object _payload;

    private GgufValue(GgufValueType type, object payload, GgufValueType? elementType = null)
    {
        Type = type;
        _payload = payload;
        ElementType = elementType;
    }

    /// <summary>The value's type tag.</summary>
    public GgufValueType Type { get; }

    /// <summary>For arrays, the type of every element; null otherwise.</summary>
    public GgufValueType? ElementType { get; }

    /// <summary>The value as the CLR type matching <see cref="Type"/> (an ImmutableArray of values for arrays).</summary>
    public object Payload => _payload;

    public static GgufValue UInt8(byte value) => new(GgufValueType.UInt8, value);
    public static GgufValue Int8(sbyte value) => new(GgufValueType.Int8, value);
    public static GgufValue UInt16(ushort value) => new(GgufValueType.UInt16, value);
    public static GgufValue Int16(short value) => new(GgufValueType.Int16, value);
    public static GgufValue UInt32(uint value) => new(GgufValueType.UInt32, value);
    public static GgufValue Int32(int value) => new(GgufValueType.Int32, value);
    public static GgufValue UInt64(ulong value) => new(GgufValueType.UInt64, value);
    public static GgufValue Int64(long value) => new(GgufValueType.Int64, value);
    public static GgufValue Float32(float value) => new(GgufValueType.Float32, value);
    public static GgufValue Float64(double value) => new(GgufValueType.Float64, value);
    public static GgufValue Bool(bool value) => new(GgufValueType.Bool, value);

    public static GgufValue String(string value) =>
        new(GgufValueType.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An array whose elements all have type <paramref name="elementType"/>.</summary>
    public static GgufValue Array(GgufValueType elementType, IEnumerable<GgufValue> items)
    {
        var array = items.ToImmutableArray();
        foreach (var item in array)
        {
            if (item.Type != elementType)
            {
                throw new ArgumentException(
                    $"array of {elementType} holds a {item.Type} element", nameof(items));
            }
        }

        return new GgufValue(GgufValueType.Array, array, elementType);
    }

    public static GgufValue StringArray(IEnumerable<string> items) =>
        Array(GgufValueType.String, items.Select(String));

    public static GgufValue Float32Array(IEnumerable<float> items) =>
        Array(GgufValueType.Float32, items.Select(Float32));

    public static GgufValue Int32Array(IEnumerable<int> items) =>
        Array(GgufValueType.Int32, items.Select(Int32));

    /// <summary>Whether the value is an integer of any width (not bool).</summary>
    public bool IsInteger => Type is GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.UInt16
        or GgufValueType.Int16 or GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.UInt64
        or GgufValueType.Int64;

    public string AsString() => _payload as string ?? throw WrongType("a string");

    public ImmutableArray<GgufValue> AsArray() =>
        _payload is ImmutableArray<GgufValue> a ? a : throw WrongType("an array");

    /// <summary>Any integer type as a long; a UInt64 above long.MaxValue throws.</summary>
    public long AsInt64() => _payload switch
    {
        byte v => v,
        sbyte v => v,
        ushort v => v,
        short v => v,
        uint v => v,
        int v => v,
        long v => v,
        ulong v when v <= long.MaxValue => (long)v,
        ulong v => throw new InvalidOperationException($"GGUF value {v} does not fit in a long"),
        _ => throw WrongType("an integer"),
    };

    public bool Equals(GgufValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Type != Type || other.ElementType != ElementType)
        {
            return false;
        }

        return _payload is ImmutableArray<GgufValue> mine
            ? mine.SequenceEqual(other.AsArray())
            : _payload.Equals(other._payload);
    }

    public override int GetHashCode()
    {
        if (_payload is ImmutableArray<GgufValue> array)
        {
            return HashCode.Combine(Type, ElementType, array.Length, array.Length > 0 ? array[0] : null);
        }

        return HashCode.Combine(Type, _payload);
    }

    public override string ToString() => _payload switch
    {
        string s => s,
        ImmutableArray<GgufValue> a => $"[{ElementType} x {a.Length}]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => _payload.ToString() ?? "",
    };

    private InvalidOperationException WrongType(string wanted) =>
        new($"GGUF value is {Type}, not {wanted}");
}
