using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(QuantBench.Benchmarks.ServingClientBenchmarks).Assembly).Run(args);
