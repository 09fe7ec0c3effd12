namespace QuantBench.Cli.Commands;

/// <summary>A server given with --url does not answer; the message is the one line the user sees.</summary>
internal sealed class ServingUnreachableException(string message) : Exception(message);
