using QuantBench.Cli.Commands.Converters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli;

/// <summary>Turns any exception that reaches the top into one line on the console and exit code 2; never a stack trace.</summary>
internal static class ErrorReporter
{
    internal const int UsageOrInputError = 2;

    internal static int Report(IAnsiConsole console, Exception exception)
    {
        string message = exception switch
        {
            _ when Rejected(exception) is { } rejected => rejected.Message,
            CommandParseException or CommandRuntimeException => exception.Message,
            AggregateException { InnerExceptions.Count: 1 } aggregate => aggregate.InnerException!.Message,
            _ => exception.Message,
        };
        // Only the prefix goes through Spectre: it word-wraps at the console's width (80 columns when the
        // output is a file or a pipe), and an error must stay one line for grep and for logs.
        console.Markup("[red]error:[/] ");
        console.Profile.Out.Writer.WriteLine(OneLine(message));
        console.Profile.Out.Writer.Flush();
        return UsageOrInputError;
    }

    /// <summary>A converter's own message, which Spectre wraps in "Failed to convert ...".</summary>
    private static OptionValueException? Rejected(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is OptionValueException rejected) return rejected;
        }

        return null;
    }

    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
