using System.Globalization;
using QuantBench.Results;
using QuantBench.Serving;

namespace QuantBench.Decisions;

/// <summary>The conditions of served results that differ, so a comparison says when it compares unlike with unlike.</summary>
public static class ServingConditions
{
    /// <summary>Two sweeps: the servers, the API, the requests, the plan and the objective.</summary>
    public static IReadOnlyList<string> Mismatches(RunResult oldRun, ServingTarget old, ServingSweepPlan oldPlan, RunResult newRun, ServingTarget @new, ServingSweepPlan newPlan)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var list = new List<string>();
        void Check<T>(string what, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                list.Add(string.Create(CultureInfo.InvariantCulture, $"{what} differs: {a} (old) vs {b} (new)"));
            }
        }

        Check("server", string.Join(", ", old.Urls), string.Join(", ", @new.Urls));
        Check("model name", old.Model ?? "none", @new.Model ?? "none");
        Check("API", old.Api, @new.Api);
        Check("request shape", $"prompts of {old.PromptTokens} tokens ({old.PromptLengths}) + {old.OutputTokens} output", $"prompts of {@new.PromptTokens} tokens ({@new.PromptLengths}) + {@new.OutputTokens} output");
        Check("connections", old.KeepAlive ? "kept alive" : "one per request", @new.KeepAlive ? "kept alive" : "one per request");
        Check("requests per point", oldPlan.RequestsPerPoint, newPlan.RequestsPerPoint);
        Check("warm-up requests", oldPlan.WarmupRequests, newPlan.WarmupRequests);
        Check("objective", oldPlan.Objective.ToString(), newPlan.Objective.ToString());
        Check("client CPU", oldRun.Machine?.CpuModel ?? "unknown", newRun.Machine?.CpuModel ?? "unknown");
        return list;
    }

    /// <summary>
    /// An in-process run against a served one: what always differs (HTTP, the server's scheduling, its llama.cpp
    /// release), then the request shape where it differs.
    /// </summary>
    public static IReadOnlyList<string> InProcessAgainstServed(RunResult run, ServingTarget served)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(served);
        var list = new List<string>
        {
            "in-process against served: the served figures include HTTP and SSE streaming, the server's scheduling (slots, batching) and its own llama.cpp release"
            + (run.Engine is { } e ? string.Create(CultureInfo.InvariantCulture, $" (the in-process run used llama.cpp {e.NativeBuild})") : "")
            + "; served figures are from the concurrency-1 point (docs/metrics.md, \"quantbench compare\")",
        };
        var s = run.Settings;
        string inProcess = string.Create(CultureInfo.InvariantCulture, $"pp{s.PromptTokens} + tg{s.OutputTokens}");
        string server = $"pp{served.PromptTokens} + tg{served.OutputTokens}";
        if (inProcess != server)
        {
            list.Add($"request shape differs: {inProcess} (in-process) vs {server} (served)");
        }

        return list;
    }
}
