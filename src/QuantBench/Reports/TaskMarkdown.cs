using System.Globalization;
using System.Text;
using QuantBench.Results;
using QuantBench.Tasks;

namespace QuantBench.Reports;

/// <summary>
/// The task-accuracy section of report.md: per task file and model, correct tasks, accuracy with its 95% Wilson
/// interval, and against the run's baseline (<see cref="Results.BaselinePolicy"/>) the paired change with its
/// interval, McNemar's exact p and the share of tasks whose answer changed.
/// </summary>
public static class TaskMarkdown
{
    public static void Append(StringBuilder text, RunResult run)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(run);
        var models = run.Models.Where(m => !m.Tasks.IsDefaultOrEmpty).ToArray();
        if (models.Length == 0)
        {
            return;
        }

        var baseline = run.BaselinePolicy.Pick(models)!;
        text.AppendLine().AppendLine("## Task accuracy").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Scored as llama-perplexity scores them (its task order, tokens and log-probability sums). Accuracy with its 95% Wilson interval; the change against {baseline.Model.Label} is paired on the same tasks: its 95% interval, McNemar's exact p (lost and gained tasks) and the share of tasks whose chosen answer changed.").AppendLine();
        text.AppendLine(MarkdownRow.Of(["file", "model", "correct", "accuracy", "change", "lost / gained", "p", "answers changed"]));
        text.AppendLine(MarkdownRow.Of(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"]));
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in models.SelectMany(m => m.Tasks).Select(t => (t.Kind, t.FileName)).Distinct())
        {
            var reference = baseline.Tasks.FirstOrDefault(t => t.Kind == file.Kind && t.FileName == file.FileName);
            foreach (var model in models)
            {
                var accuracy = model.Tasks.FirstOrDefault(t => t.Kind == file.Kind && t.FileName == file.FileName);
                if (accuracy is null)
                {
                    continue;
                }

                foreach (var note in accuracy.Notes)
                {
                    notes.Add($"{file.FileName}: {note}");
                }

                text.AppendLine(MarkdownRow.Of(Cells(file, model, accuracy, ReferenceFor(model, baseline, reference))));
            }
        }

        foreach (var note in notes)
        {
            text.AppendLine().Append("- ").AppendLine(note);
        }
    }

    private static TaskAccuracy? ReferenceFor(ModelResult model, ModelResult baseline, TaskAccuracy? reference) =>
        ReferenceEquals(model, baseline) ? null : reference;

    private static string[] Cells((TaskKind Kind, string FileName) file, ModelResult model, TaskAccuracy accuracy, TaskAccuracy? reference)
    {
        string name = TaskNames.Of(file.Kind, file.FileName);
        string correct = string.Create(CultureInfo.InvariantCulture, $"{accuracy.Correct} / {accuracy.Tasks}");
        string value = $"{Percent(accuracy.Accuracy)} [{Percent(accuracy.WilsonLow)}, {Percent(accuracy.WilsonHigh)}]";
        if (reference is null)
        {
            return [name, model.Model.Label, correct, value, "baseline", "", "", ""];
        }

        var change = PairedAccuracyChange.Compare(reference, accuracy);
        var (low, high) = change.Interval95;
        return
        [
            name, model.Model.Label, correct, value,
            $"{Points(change.Change)} [{Points(low)}, {Points(high)}]",
            string.Create(CultureInfo.InvariantCulture, $"{change.Lost} / {change.Gained}"),
            Units.Number(change.PValue, 3),
            Percent(change.ChangedShare),
        ];
    }

    private static string Percent(double fraction) => Units.Number(100 * fraction, 1) + " %";

    private static string Points(double fraction) => (fraction >= 0 ? "+" : "") + Units.Number(100 * fraction, 1);
}
