namespace QuantBench.Cli.Commands.Converters;

/// <summary><c>--flash-attn</c>: llama.cpp's own choice, or forced on or off.</summary>
internal enum FlashAttentionMode
{
    Auto,
    On,
    Off,
}
