using System.Collections.Immutable;

namespace QuantBench.Launching;

/// <summary>How a launched server ended.</summary>
public sealed record ServerStopResult
{
    /// <summary>The exit code of the launched process; null when it could not be read.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Whether SIGTERM was not enough within the grace period and SIGKILL was sent.</summary>
    public bool Killed { get; init; }

    /// <summary>Whether the server had exited on its own before it was asked to stop.</summary>
    public bool ExitedBeforeStop { get; init; }

    /// <summary>Processes of the tree or group still alive after SIGKILL: should be empty; reported, never hidden.</summary>
    public ImmutableArray<int> SurvivorProcessIds { get; init; } = [];
}
