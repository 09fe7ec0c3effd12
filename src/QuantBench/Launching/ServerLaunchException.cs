using System.Collections.Immutable;

namespace QuantBench.Launching;

/// <summary>A server that failed its level: a one-line reason, and the last lines of its log.</summary>
public sealed class ServerLaunchException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> is one line.</summary>
    public ServerLaunchException(ServerLaunchFailure failure, string message, string logPath, ImmutableArray<string> logTail)
        : base(message)
    {
        Failure = failure;
        LogPath = logPath;
        LogTail = logTail;
    }

    /// <summary>What went wrong.</summary>
    public ServerLaunchFailure Failure { get; }

    /// <summary>The server's full log.</summary>
    public string LogPath { get; }

    /// <summary>The last lines of the log, oldest first.</summary>
    public ImmutableArray<string> LogTail { get; }
}
