namespace QuantBench.Cli.Commands.Converters;

/// <summary>
/// An option's value that a converter rejects, with the one line to show. Spectre wraps a converter's exception in its own
/// "Failed to convert 'x' to T."; <see cref="ErrorReporter"/> shows this message instead.
/// </summary>
internal sealed class OptionValueException(string message) : FormatException(message);
