namespace QuantBench.Charts.Html;

/// <summary>The report's stylesheet, inline so the file needs nothing else; readable on screen and on paper.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 0; color: #1b1f24; background: #fff; line-height: 1.45; }
        main { max-width: 1280px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
        .subtitle { color: #57606a; margin: 0 0 1rem; }
        ul.levels li { margin: .15rem 0; }
        .note, .warning { padding: .5rem .8rem; border-radius: 6px; margin: .5rem 0; }
        .note { background: #ddf4ff; border-left: 4px solid #0969da; }
        .warning { background: #fff8c5; border-left: 4px solid #9a6700; font-size: .9rem; }
        .warning ul { margin: .3rem 0 0; padding-left: 1.2rem; }
        .noise table { width: auto; margin: .4rem 0; background: #fff; }
        .noise p { margin: .3rem 0 0; }
        td.bad { background: #ffebe9; font-weight: 600; }
        td.bad mark { background: none; color: #a40e26; }
        .table-scroll { overflow-x: auto; }
        dl.conditions { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; font-size: .92rem; }
        dl.conditions dt { color: #57606a; }
        dl.conditions dd { margin: 0; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; font-size: .8rem; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid #d0d7de; padding: .25rem .4rem; }
        th { background: #f6f8fa; text-align: left; }
        td.num { text-align: right; white-space: nowrap; }
        .footnote { color: #57606a; font-size: .85rem; }
        figure.chart { margin: 1.2rem 0 2rem; break-inside: avoid; page-break-inside: avoid; }
        figure.chart img { width: 100%; height: auto; border: 1px solid #d0d7de; border-radius: 6px; }
        figcaption { font-size: .88rem; color: #424a53; margin-top: .35rem; }
        figcaption a { color: #0969da; }
        @media print {
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figcaption a { display: none; }
          table { font-size: .7rem; }
          td.num { white-space: normal; }
          .table-scroll { overflow: visible; }
        }
        """;
}
