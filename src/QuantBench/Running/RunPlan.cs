using System.Collections.Immutable;
using QuantBench.Results;

namespace QuantBench.Running;

/// <summary>
/// What a run set out to measure, written as plan.json at its start so that <c>run --resume DIR</c> can
/// finish an interrupted run without repeating finished models.
/// </summary>
public sealed record RunPlan(ImmutableArray<ModelDescriptor> Models, RunResult Initial)
{
    public const string FileName = "plan.json";

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        Reports.AtomicFile.WriteAllText(Path.Combine(directory, FileName), ResultsJson.Serialize(this));
    }

    /// <summary>Reads the plan of an earlier run and the results it reached; throws with a one-line reason when there is none.</summary>
    public static (RunPlan Plan, RunResult Reached) Resume(string directory)
    {
        string planPath = Path.Combine(directory, FileName);
        if (!File.Exists(planPath))
        {
            throw new FileNotFoundException($"{directory}: not a QuantBench results folder to resume (no {FileName})", planPath);
        }

        var plan = ResultsJson.Deserialize<RunPlan>(File.ReadAllText(planPath));
        string results = Path.Combine(directory, "results.json");
        var reached = File.Exists(results) ? ResultsJson.ReadRun(results) : plan.Initial;
        return (plan, reached);
    }

    /// <summary>The models not yet measured in <paramref name="reached"/>, in the plan's order.</summary>
    public ImmutableArray<ModelDescriptor> Remaining(RunResult reached) =>
        Models.Where(m => reached.Models.All(done => done.Model.Path != m.Path)).ToImmutableArray();
}
