using QuantBench.Gguf;
using QuantBench.Synthetic;

namespace QuantBench.Tests.Gguf;

/// <summary>A tiny synthetic model rewritten with one metadata value changed: files llama.cpp would choke on.</summary>
internal static class CraftedGguf
{
    public static string TinyWithTokens(TempDir dir, Func<string[], string[]> edit, string name = "crafted.gguf")
    {
        string source = dir.File("tiny-source.gguf");
        SyntheticModelGenerator.Write(SyntheticModelPresets.Tiny, 42, source);
        var file = GgufReader.Read(source);
        string[] tokens = edit(file.Metadata[GgufKeys.Tokens].AsArray().Select(t => t.AsString()).ToArray());
        var metadata = new GgufMetadata(file.Metadata.Select(e => e.Key == GgufKeys.Tokens ? new GgufMetadataEntry(e.Key, GgufValue.StringArray(tokens)) : e));
        var tensors = file.Tensors.Select(t => new GgufTensorSource(t.Name, t.Dimensions, t.Type, (stream, _) =>
        {
            using var input = File.OpenRead(source);
            input.Position = file.DataOffsetBytes + t.OffsetBytes;
            var buffer = new byte[t.ByteSize];
            input.ReadExactly(buffer);
            stream.Write(buffer);
        })).ToArray();
        string path = dir.File(name);
        GgufWriter.Write(path, metadata, tensors);
        return path;
    }
}
