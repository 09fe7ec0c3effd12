using QuantBench.Engines;
using QuantBench.LlamaCpp;
using QuantBench.Machine;
using QuantBench.Running;

namespace QuantBench.Cli;

/// <summary>
/// What <c>run</c> measures with: the engine, the runner of worker jobs, the quantizer for the embedded default and
/// the machine probe. <see cref="Local"/> is llama.cpp in worker processes on this machine; a test gives fakes.
/// Each is made when first needed, so that a command that fails its checks loads no native library.
/// </summary>
internal sealed record RunEnvironment(
    Func<EngineInfo> DescribeEngine,
    Func<IModelRunner> ModelRunner,
    Func<IModelQuantizer> Quantizer,
    IMachineProbe Machine)
{
    internal static RunEnvironment Local { get; } = new(
        () => new LlamaCppBackend().Describe(),
        () => new WorkerProcessModelRunner(WorkerCommand.ForCli(typeof(RunEnvironment).Assembly.Location)),
        () => new LlamaCppQuantizer(),
        new LocalMachineProbe());
}
