using System.ComponentModel;
using System.Globalization;
using QuantBench.Serving;

namespace QuantBench.Cli.Commands.Converters;

/// <summary>Binds <c>serve --api</c>: completions or chat, in any case.</summary>
internal sealed class ServingApiConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? Parse(text) : base.ConvertFrom(context, culture, value)!;

    internal static ServingApi Parse(string text) =>
        Enum.TryParse<ServingApi>(text, ignoreCase: true, out var api) && Enum.IsDefined(api)
            ? api
            : throw new OptionValueException($"unknown API '{text}' (completions or chat)");
}
