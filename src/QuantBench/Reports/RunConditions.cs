using System.Globalization;
using QuantBench.Results;

namespace QuantBench.Reports;

/// <summary>The conditions of a run as name/value pairs, the same in every report.</summary>
public static class RunConditions
{
    public static IReadOnlyList<(string Name, string Value)> Describe(RunResult run)
    {
        var s = run.Settings;
        var list = new List<(string, string)>
        {
            ("request", $"pp{s.PromptTokens} + tg{s.OutputTokens}, {s.WarmupRequests} warm-up, {s.MeasuredRequests} measured"),
            ("threads", s.Threads.ToString(CultureInfo.InvariantCulture)),
            ("context / batch / micro-batch", $"{s.EffectiveContextSize} / {s.BatchSize} / {s.MicroBatchSize}"),
            ("load mode", s.LoadMode.ToString().ToLowerInvariant()),
            ("isolation", "one worker process per model"),
        };
        if (run.Engine is { } e)
        {
            list.Add(("engine", $"{e.Name} {e.NativeBuild} ({e.LibraryVersion}), CPU variant {e.NativeVariant}"));
        }

        list.Add(("started", run.StartedUtc.ToString("u", CultureInfo.InvariantCulture)));
        return list;
    }
}
