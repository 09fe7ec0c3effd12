using System.ComponentModel;
using System.Globalization;
using QuantBench.Engines;

namespace QuantBench.Cli.Commands.Converters;

/// <summary>Binds <c>--load-mode</c>: mmap, no-mmap (or nommap) and mlock, in any case.</summary>
internal sealed class LoadModeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Parse(text) : base.ConvertFrom(context, culture, value)!;

    internal static LoadMode Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "mmap" => LoadMode.Mmap,
        "no-mmap" or "nommap" => LoadMode.NoMmap,
        "mlock" => LoadMode.Mlock,
        _ => throw new OptionValueException($"unknown load mode '{text}' (use mmap, no-mmap or mlock)"),
    };
}
