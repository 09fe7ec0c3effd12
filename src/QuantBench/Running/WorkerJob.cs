namespace QuantBench.Running;

/// <summary>What a worker process is asked to measure; written as JSON by the parent, read by the worker.</summary>
public sealed record WorkerJob(Results.ModelDescriptor Model, BenchmarkSettings Settings);
