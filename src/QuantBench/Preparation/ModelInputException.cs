namespace QuantBench.Preparation;

/// <summary>A model file given by the user cannot be used; the message names the file and the reason in one line.</summary>
public sealed class ModelInputException(string message) : Exception(message);
