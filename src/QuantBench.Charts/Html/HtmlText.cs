using System.Net;

namespace QuantBench.Charts.Html;

/// <summary>Escapes text for HTML element content and quoted attribute values; every string from a model file goes through it.</summary>
internal static class HtmlText
{
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");
}
