namespace QuantBench.Serving;

/// <summary>How a point loads the server.</summary>
public enum ServingLoadKind
{
    /// <summary>A closed loop: a fixed number of requests always in flight, each sent when one ends.</summary>
    Concurrency,

    /// <summary>An open loop: requests sent on a seeded schedule at a mean rate, whether or not earlier ones ended.</summary>
    Rate,
}
