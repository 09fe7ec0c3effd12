using QuantBench.Results;
using QuantBench.Settings;

namespace QuantBench.Running;

/// <summary>Folds each scenario's worker result into one model result; a failed scenario fails the model but keeps what the others measured.</summary>
internal static class ScenarioMerge
{
    internal static ModelResult Add(ModelResult into, Scenario scenario, ModelResult part)
    {
        if (part.Status == ModelStatus.Failed)
        {
            string failure = into.Failure is null ? $"{scenario}: {part.Failure}" : $"{into.Failure}; {scenario}: {part.Failure}";
            // Task files scored before the one that failed are kept.
            var tasks = scenario == Scenario.Tasks && !part.Tasks.IsDefaultOrEmpty ? part.Tasks : into.Tasks;
            return into with { Status = ModelStatus.Failed, Failure = failure, Tasks = tasks };
        }

        return scenario switch
        {
            Scenario.Latency => part with { Quality = into.Quality, Throughput = into.Throughput, Tasks = into.Tasks, Status = into.Status, Failure = into.Failure, Warnings = into.Warnings.AddRange(part.Warnings) },
            Scenario.Quality => into with { Quality = part.Quality, Warnings = into.Warnings.AddRange(part.Warnings) },
            Scenario.Throughput => into with { Throughput = part.Throughput },
            Scenario.Tasks => into with { Tasks = part.Tasks, Warnings = into.Warnings.AddRange(part.Warnings) },
            _ => into,
        };
    }
}
