using System.ComponentModel;
using System.Globalization;

namespace QuantBench.Cli.Commands.Converters;

/// <summary>Binds <c>--flash-attn</c>: auto, on/true/1 or off/false/0, in any case.</summary>
internal sealed class FlashAttentionConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Parse(text) : base.ConvertFrom(context, culture, value)!;

    internal static FlashAttentionMode Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => FlashAttentionMode.Auto,
        "on" or "true" or "1" => FlashAttentionMode.On,
        "off" or "false" or "0" => FlashAttentionMode.Off,
        _ => throw new OptionValueException($"unknown flash attention mode '{text}' (use auto, on or off)"),
    };
}
