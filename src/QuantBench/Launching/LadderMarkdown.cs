using System.Globalization;
using System.Text;

namespace QuantBench.Launching;

/// <summary>The per-level table of a launched ladder, in Markdown.</summary>
public static class LadderMarkdown
{
    private const double MiB = 1024.0 * 1024.0;

    /// <summary>One row per level, failed levels with their reason and the tail of their server log.</summary>
    public static string Render(IReadOnlyList<LevelServingSummary> levels, string objective)
    {
        var md = new StringBuilder();
        md.AppendLine("# Serving ladder (one launched server per level)").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"SLO: {objective}. Memory is the server's process tree summed; RSS in MiB; TTFT and ITL are medians at concurrency 1.").AppendLine();
        md.AppendLine("| level | size MiB | startup s | idle RSS | peak RSS | peak anon | peak file | peak VRAM | TTFT ms (c=1) | ITL ms (c=1) | tg tok/s (c=1) | max output tok/s | max goodput req/s |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var level in levels)
        {
            if (level.Failure is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {level.Level} | {Mib(level.FileBytes)} | failed: {Escape(level.Failure)} |||||||||||");
                continue;
            }

            var one = level.SingleStream?.Metrics;
            var memory = level.Memory;
            var vram = memory?.Gpu is { Available: true } g ? Mib(g.PeakProcessUsedBytes ?? g.PeakDeviceUsedBytes) : "no GPU";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {level.Level} | {Mib(level.FileBytes)} | {Num(level.StartupSeconds, "0.00")} | {Mib(memory?.IdleResidentBytes)} | {Mib(memory?.PeakResidentBytes)} | {Mib(memory?.PeakAnonymousBytes)} | {Mib(memory?.PeakFileBytes)} | {vram} | {Num(one?.TimeToFirstTokenMs.P50, "0.0")} | {Num(one?.InterTokenLatencyMs.P50, "0.00")} | {Num(one is null ? null : 1000 / one.InterTokenLatencyMs.Mean, "0.0")} | {Num(level.PeakOutputTokensPerSecond, "0.0")} | {Num(level.PeakGoodputRequestsPerSecond, "0.00")} |");
        }

        foreach (var level in levels.Where(l => l.Failure is not null))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {level.Level}: {Escape(level.Failure!)}").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Log: `{level.LogPath}`; last lines:").AppendLine().AppendLine("```");
            foreach (var line in level.LogTail)
                md.AppendLine(line);
            md.AppendLine("```");
        }
        return md.ToString();
    }

    private static string Mib(long? bytes) => bytes is long b ? (b / MiB).ToString("0", CultureInfo.InvariantCulture) : "-";

    private static string Num(double? value, string format) =>
        value is double v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
