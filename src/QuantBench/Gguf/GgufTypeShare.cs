namespace QuantBench.Gguf;

/// <summary>The tensors of one ggml type within a model: how many, how many parameters, how many bytes.</summary>
public sealed record GgufTypeShare(GgmlType Type, int TensorCount, long ParameterCount, long Bytes);
