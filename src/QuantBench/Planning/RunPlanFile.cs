using System.Text.Json;
using QuantBench.Reports;
using QuantBench.Results;
using QuantBench.Running;

namespace QuantBench.Planning;

/// <summary>plan.json in a results folder: written at a run's start, read back by <c>run --resume DIR</c>.</summary>
public static class RunPlanFile
{
    public const string FileName = "plan.json";

    public static void Write(RunPlan plan, string directory)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), ResultsJson.Serialize(plan));
    }

    /// <summary>Reads the plan of an earlier run and the results it reached; throws with a one-line reason when there is none.</summary>
    public static (RunPlan Plan, RunResult Reached) Resume(string directory)
    {
        string planPath = Path.Combine(directory, FileName);
        if (!File.Exists(planPath))
        {
            throw new FileNotFoundException($"{directory}: not a QuantBench results folder to resume (no {FileName})", planPath);
        }

        RunPlan plan;
        try
        {
            plan = ResultsJson.Deserialize<RunPlan>(File.ReadAllText(planPath));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{planPath}: not a plan this QuantBench can resume ({e.Message}); run the models again", e);
        }

        string results = Path.Combine(directory, "results.json");
        var reached = File.Exists(results) ? ResultsJson.ReadRun(results) : plan.Start();
        return (plan, reached);
    }
}
