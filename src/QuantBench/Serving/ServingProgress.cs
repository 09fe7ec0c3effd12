namespace QuantBench.Serving;

/// <summary>A sweep's progress: the point being measured and how many of its requests have ended.</summary>
public readonly record struct ServingProgress(ServingLoad Load, int PointIndex, int PointCount, int Completed, int Requests, bool WarmingUp);
