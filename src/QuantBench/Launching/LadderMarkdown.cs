using System.Globalization;
using System.Text;
using QuantBench.Results;
using QuantBench.Serving;

namespace QuantBench.Launching;

/// <summary>report.md of a launched ladder (<c>serve --launch</c>): the per-level table, throughput per load, failures.</summary>
public static class LadderMarkdown
{
    private const double MiB = 1024.0 * 1024.0;

    /// <summary>The headers of <see cref="Row"/>, for the Markdown and the HTML tables alike.</summary>
    public static IReadOnlyList<string> Headers { get; } =
    [
        "level", "size MiB", "load s", "idle RSS MiB", "peak RSS MiB", "peak anon MiB", "peak file MiB", "peak VRAM MiB",
        "TTFT p50 ms (c=1)", "ITL p50 ms (c=1)", "tg tok/s (c=1)", "server tg tok/s (c=1)", "max output tok/s", "max goodput req/s",
    ];

    public static string Render(RunResult run)
    {
        var ladder = run.Ladder ?? throw new ArgumentException("the run has no ladder section", nameof(run));
        var md = new StringBuilder();
        md.AppendLine("# QuantBench serving ladder (one launched server per level)").AppendLine();
        foreach (string note in run.Notes)
            md.AppendLine(CultureInfo.InvariantCulture, $"> {note}").AppendLine();
        var t = ladder.Target;
        md.AppendLine(CultureInfo.InvariantCulture, $"Command: `{ladder.Command}`; {(t.Api == ServingApi.Chat ? "chat" : "completions")}; prompts of {t.PromptTokens} tokens ({t.PromptLengths}), {t.OutputTokens} output tokens; the same requests for every level; SLO {ladder.Plan.Objective}.").AppendLine();
        md.AppendLine("Memory is the server's process tree summed; TTFT and ITL are medians at concurrency 1; tg tok/s is 1000 over the mean TPOT there (client), and over the server's own predicted_per_token_ms. Definitions: docs/metrics.md, \"Serving ladder\".").AppendLine();
        md.AppendLine("| " + string.Join(" | ", Headers) + " |");
        md.AppendLine("|---" + string.Concat(Enumerable.Repeat("|---:", Headers.Count - 1)) + "|");
        foreach (var level in ladder.Levels)
            md.AppendLine("| " + string.Join(" | ", Row(level).Select(Escape)) + " |");

        var loads = ladder.Levels.SelectMany(l => l.Points).Select(p => p.Load).Distinct().ToArray();
        if (loads.Length > 0)
        {
            md.AppendLine().AppendLine("## Output tokens/s per load").AppendLine();
            md.AppendLine("| level | " + string.Join(" | ", loads.Select(l => l.Label)) + " |");
            md.AppendLine("|---" + string.Concat(Enumerable.Repeat("|---:", loads.Length)) + "|");
            foreach (var level in ladder.Levels.Where(l => !l.Points.IsEmpty))
            {
                var cells = loads.Select(load => level.Points.FirstOrDefault(p => p.Load == load)?.Metrics.OutputTokensPerSecond);
                md.AppendLine(CultureInfo.InvariantCulture, $"| {Escape(level.Level)} | {string.Join(" | ", cells.Select(c => Num(c, "0.0")))} |");
            }
        }

        foreach (var level in ladder.Levels.Where(l => l.StopReason is not null && l.Failure is null))
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{level.Level}: the sweep {level.StopReason}.");

        foreach (var level in ladder.Levels.Where(l => l.Failure is not null))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {level.Level}: {Escape(level.Failure!)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Log: `{level.LogPath}`; last lines:").AppendLine().AppendLine("```");
            foreach (var line in level.LogTail)
                md.AppendLine(line);
            md.AppendLine("```");
        }

        return md.ToString();
    }

    /// <summary>One level's cells under <see cref="Headers"/>; a failed level says so after its size.</summary>
    public static IReadOnlyList<string> Row(LevelServingSummary level)
    {
        if (level.Failure is not null && level.Points.IsEmpty)
            return [level.Level, Mib(level.FileBytes), "failed: " + level.Failure, .. Enumerable.Repeat("", Headers.Count - 3)];

        var one = level.SingleStream?.Metrics;
        var memory = level.Memory;
        string vram = memory?.Gpu is { Available: true } g ? Mib(g.PeakProcessUsedBytes ?? g.PeakDeviceUsedBytes) : "no GPU";
        return
        [
            level.Failure is null ? level.Level : level.Level + " (failed)", Mib(level.FileBytes), Num(level.StartupSeconds, "0.00"),
            Mib(memory?.IdleResidentBytes), Mib(memory?.PeakResidentBytes), Mib(memory?.PeakAnonymousBytes), Mib(memory?.PeakFileBytes), vram,
            Num(one?.TimeToFirstTokenMs.P50, "0.0"), Num(one?.InterTokenLatencyMs.P50, "0.00"), Num(level.SingleStreamTokensPerSecond, "0.0"),
            Num(level.SingleStreamServerTokensPerSecond, "0.0"), Num(level.PeakOutputTokensPerSecond, "0.0"), Num(level.PeakGoodputRequestsPerSecond, "0.00"),
        ];
    }

    private static string Mib(long? bytes) => bytes is long b ? (b / MiB).ToString("0", CultureInfo.InvariantCulture) : "-";

    private static string Num(double? value, string format) =>
        value is double v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
