namespace QuantBench.Engines;

/// <summary>The engine itself cannot run (its native library is missing, unloadable or of another interface); the message is one line.</summary>
public sealed class EngineUnavailableException(string message) : Exception(message);
