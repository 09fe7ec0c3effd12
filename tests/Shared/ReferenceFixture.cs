using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantBench.Testing;

/// <summary>
/// tests/data/reference/reference.json: how the reference models are made (generator preset and seed, the
/// quantization types), the SHA-256 pin of every file, and the llama.cpp release whose tools produced the
/// figures beside it. Written by tools/make-reference-fixture.sh.
/// </summary>
internal sealed record ReferenceFixture
{
    [JsonPropertyName("preset")]
    public required string Preset { get; init; }

    [JsonPropertyName("seed")]
    public required int Seed { get; init; }

    /// <summary>Which quantizer made the pinned files (LLamaSharp and its bundled llama.cpp build), for the record.</summary>
    [JsonPropertyName("quantizer")]
    public required string Quantizer { get; init; }

    [JsonPropertyName("models")]
    public required IReadOnlyList<ReferenceModelPin> Models { get; init; }

    /// <summary>The llama.cpp release whose tools printed the reference figures, e.g. b10361.</summary>
    [JsonPropertyName("llama_cpp_release")]
    public required string LlamaCppRelease { get; init; }

    public static ReferenceFixture Read(string path) =>
        JsonSerializer.Deserialize<ReferenceFixture>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path}: empty reference fixture");
}

/// <summary>One generated model file: its name, quantization type ("F32" for the base), size and SHA-256.</summary>
internal sealed record ReferenceModelPin
{
    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("bytes")]
    public required long Bytes { get; init; }

    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }
}
