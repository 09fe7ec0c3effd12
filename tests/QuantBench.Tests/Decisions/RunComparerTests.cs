using QuantBench.Decisions;
using QuantBench.Results;
using QuantBench.Statistics;
using static QuantBench.Tests.Decisions.TestRuns;

namespace QuantBench.Tests.Decisions;

public sealed class RunComparerTests
{
    private static FigureComparison Figure(RunComparison c, string model, string figure) =>
        c.Models.Single(m => m.Label == model).Figures.Single(f => f.Figure == figure);

    [Fact]
    public void Halved_decode_time_is_faster_with_an_interval_excluding_one()
    {
        var old = Run(Model("Q4_K_M", 1000, 4.9, ttftMs: 100, tpotMs: 20));
        var @new = Run(Model("Q4_K_M", 1000, 4.9, ttftMs: 100, tpotMs: 10));

        var c = RunComparer.Compare(old, @new, "old", "new");

        var tpot = Figure(c, "Q4_K_M", "TPOT");
        Assert.Equal(ComparisonVerdict.Faster, tpot.Estimate?.Verdict);
        Assert.Equal(0.5, tpot.Ratio, 3);
        Assert.True(tpot.Estimate!.ConfidenceIntervalUpper < 1);
        var tg = Figure(c, "Q4_K_M", "tg8 t/s");
        Assert.Equal("faster", tg.Verdict);
        Assert.Equal(2.0, tg.Ratio, 3);
        Assert.Equal("no significant difference", Figure(c, "Q4_K_M", "TTFT").Verdict);
        Assert.Empty(c.ConditionWarnings);
    }

    [Fact]
    public void Identical_runs_show_no_significant_difference_anywhere()
    {
        var run = Run(Model("Q8_0", 2000, 8.5, 120, 30), Model("Q2_K", 800, 3.2, 90, 15));

        var c = RunComparer.Compare(run, run, "a", "b");

        var tested = c.Models.SelectMany(m => m.Figures).Where(f => f.Estimate is not null).ToList();
        Assert.Equal(10, tested.Count); // five sampled figures for each of the two models
        Assert.All(tested, f => Assert.Equal(ComparisonVerdict.NoDifference, f.Estimate!.Verdict));
        Assert.Equal("no test: one value per run", Figure(c, "Q8_0", "peak RSS").Verdict);
    }

    [Fact]
    public void Slower_new_run_is_slower()
    {
        var c = RunComparer.Compare(Run(Model("Q8_0", 1, 8, 100, 10)), Run(Model("Q8_0", 1, 8, 150, 10)), "o", "n");

        Assert.Equal("slower", Figure(c, "Q8_0", "TTFT").Verdict);
    }

    [Fact]
    public void Mismatched_conditions_are_flagged()
    {
        var old = Run(Model("Q8_0", 1, 8, 100, 10));
        var @new = old with
        {
            Settings = old.Settings with { Threads = 8, PromptTokens = 512, LoadMode = Engines.LoadMode.NoMmap },
            Engine = Engine("b10300") with { NativeVariant = "avx512" },
        };

        var warnings = RunComparer.Compare(old, @new, "o", "n").ConditionWarnings;

        Assert.Contains("threads differs: 2 (old) vs 8 (new)", warnings);
        Assert.Contains("request shape differs: pp128 + tg8 (old) vs pp512 + tg8 (new)", warnings);
        Assert.Contains("llama.cpp build differs: b10221 (old) vs b10300 (new)", warnings);
        Assert.Contains("CPU variant of llama.cpp differs: avx2 (old) vs avx512 (new)", warnings);
        Assert.Contains("load mode differs: mmap (old) vs nommap (new)", warnings);
    }

    [Fact]
    public void Models_are_matched_by_label_then_hash_then_file_name()
    {
        var old = Run(
            Model("a", 1, 8, 100, 10),
            Model("renamed", 1, 8, 100, 10, sha256: "abc"),
            Model("moved", 1, 8, 100, 10, path: "/old/x.gguf"),
            Model("gone", 1, 8, 100, 10));
        var @new = Run(
            Model("a", 1, 8, 100, 10),
            Model("new-name", 1, 8, 100, 10, sha256: "abc"),
            Model("elsewhere", 1, 8, 100, 10, path: "/new/x.gguf"),
            Model("fresh", 1, 8, 100, 10));

        var c = RunComparer.Compare(old, @new, "o", "n");

        Assert.Equal(["label", "sha256", "file name"], c.Models.Select(m => m.MatchedBy));
        Assert.Equal("renamed", c.Models[1].OldLabel);
        Assert.Equal(["gone"], c.OnlyInOld.ToArray());
        Assert.Equal(["fresh"], c.OnlyInNew.ToArray());
    }

    [Fact]
    public void A_failed_side_is_noted_instead_of_compared()
    {
        var old = Run(Model("q", 1, 8, 100, 10));
        var @new = Run(ModelResult.Failed(old.Models[0].Model, "crashed"));

        var model = Assert.Single(RunComparer.Compare(old, @new, "o", "n").Models);

        Assert.Empty(model.Figures);
        Assert.Equal("failed in the new run: nothing to compare", model.Note);
    }

    [Fact]
    public void Markdown_and_html_state_warnings_first_and_the_threshold()
    {
        var old = Run(Model("<b>x|y</b>", 1, 8, 100, 10));
        var @new = old with { Settings = old.Settings with { Threads = 4 } };
        var c = RunComparer.Compare(old, @new, "old/results.json", "new & improved");

        string md = ComparisonMarkdown.Render(c);
        string html = ComparisonHtml.Render(c);

        Assert.True(md.IndexOf("threads differs", StringComparison.Ordinal) < md.IndexOf("| model |", StringComparison.Ordinal));
        Assert.Contains("p < 0.01", md, StringComparison.Ordinal);
        Assert.Contains("at least 2", md, StringComparison.Ordinal);
        Assert.Contains("<b>x\\|y</b>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x|y&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("new &amp; improved", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.True(html.IndexOf("threads differs", StringComparison.Ordinal) < html.IndexOf("<table>", StringComparison.Ordinal));
    }
}
