namespace QuantBench.Launching;

/// <summary>Why a launched server did not serve its level.</summary>
public enum ServerLaunchFailure
{
    /// <summary>The command could not be started at all (no bash or setsid).</summary>
    CouldNotStart,

    /// <summary>The server exited before it answered as ready (bad arguments, unreadable model, port taken).</summary>
    ExitedBeforeReady,

    /// <summary>The server was still not ready when the ready timeout ran out; it was stopped.</summary>
    NotReadyInTime,

    /// <summary>The server exited while it was being measured.</summary>
    ExitedWhileServing,
}
