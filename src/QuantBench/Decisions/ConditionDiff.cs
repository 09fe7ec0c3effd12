using System.Globalization;
using QuantBench.Results;

namespace QuantBench.Decisions;

/// <summary>The conditions of two runs that differ, so that a comparison says when it compares unlike with unlike.</summary>
public static class ConditionDiff
{
    public static IReadOnlyList<string> Mismatches(RunResult old, RunResult @new)
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

        var (o, n) = (old.Settings, @new.Settings);
        Check("request shape", $"pp{o.PromptTokens} + tg{o.OutputTokens}", $"pp{n.PromptTokens} + tg{n.OutputTokens}");
        Check("threads", o.Threads, n.Threads);
        Check("context size", o.EffectiveContextSize, n.EffectiveContextSize);
        Check("batch / micro-batch", $"{o.BatchSize} / {o.MicroBatchSize}", $"{n.BatchSize} / {n.MicroBatchSize}");
        Check("load mode", o.LoadMode.ToString().ToLowerInvariant(), n.LoadMode.ToString().ToLowerInvariant());
        Check("warm-up requests", o.WarmupRequests, n.WarmupRequests);
        Check("synthetic weights", old.SyntheticWeights, @new.SyntheticWeights);
        Check("CPU", old.Machine?.CpuModel ?? "unknown", @new.Machine?.CpuModel ?? "unknown");
        if (old.Engine is { } oe && @new.Engine is { } ne)
        {
            Check("llama.cpp build", oe.NativeBuild, ne.NativeBuild);
            Check("llama.cpp library", oe.LibrarySha256 ?? "bundled", ne.LibrarySha256 ?? "bundled");
            Check("engine library", oe.LibraryVersion, ne.LibraryVersion);
            Check("CPU variant of llama.cpp", oe.NativeVariant, ne.NativeVariant);
            Check("CPU features reported by llama.cpp", oe.SystemInfo, ne.SystemInfo);
        }
        else if (old.Engine is null != @new.Engine is null)
        {
            list.Add("engine recorded in only one of the runs");
        }

        return list;
    }
}
