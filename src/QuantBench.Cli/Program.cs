using QuantBench.Cli;

return await QuantBenchApp.RunAsync(args);
