using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>
/// Where a run's results go while it runs. The runner calls it after every model, so that what was measured is
/// kept however the run ends, and once at the end with the whole run (also an interrupted one).
/// </summary>
public interface IRunSink
{
    /// <summary><paramref name="model"/> is finished; <paramref name="run"/> holds it and every model before it.</summary>
    void ModelFinished(RunResult run, ModelResult model);

    /// <summary>The run is over (finished or interrupted): <paramref name="run"/> is final.</summary>
    void RunFinished(RunResult run);
}
