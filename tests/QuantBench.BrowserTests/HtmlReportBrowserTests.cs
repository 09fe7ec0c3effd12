using System.Collections.Concurrent;
using Microsoft.Playwright;
using QuantBench.Charts;
using QuantBench.Charts.Data;
using QuantBench.Charts.Html;
using QuantBench.Results;
using SkiaSharp;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace QuantBench.BrowserTests;

/// <summary>Opens report.html of a real run in headless Chromium, as a reader would, and keeps a screenshot.</summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output)
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private static string FixtureFile => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny-run.results.json");

    private static string ArtifactsDir =>
        Environment.GetEnvironmentVariable("QUANTBENCH_TEST_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "artifacts");

    // The fixture run has no batch sweep, quality or task measurements: stand-in figures give those charts data
    // too, so that the page must hold every chart QuantBench can draw. Everything else is the real run's.
    private static ChartData WithStandIns(RunResult run) => ChartData.From(run) with
    {
        MemoryBandwidthBytesPerSecond = 2e9,
        ThroughputCurves = [.. ChartData.From(run).Levels.Select((l, i) => new ThroughputCurve(l.Model.Label,
            [.. new[] { 1, 2, 4, 8, 16 }.Select(b => new ThroughputPoint(b, (100 + 20 * i) * b / (1 + 0.2 * b)))]))],
        QualityPoints = [.. ChartData.From(run).Levels.Select((l, i) => new QualityPoint(l.Model.Label, l.Model.FileBytes, 0.001 * Math.Pow(4, i)))],
        TaskPoints = [.. ChartData.From(run).Levels.Select((l, i) => new TaskAccuracyPoint(
            "stand-in.txt (HellaSwag)", l.Model.Label, l.Model.FileBytes, 80 - 10 * i, 100, (80 - 10 * i) / 100.0, (70 - 10 * i) / 100.0, (88 - 10 * i) / 100.0))],
    };

    [ChromiumFact]
    public async Task Report_opens_offline_with_every_chart_drawn()
    {
        string work = Directory.CreateTempSubdirectory("quantbench-browser-").FullName;
        try
        {
            var run = ResultsJson.ReadRun(FixtureFile);
            new HtmlExporter(WithStandIns).Export(run, work);
            string report = Path.Combine(work, "report.html");

            using var playwright = await Playwright.CreateAsync();
            // A persistent context is Playwright's way to give Chromium a user-data-dir of our own (a fresh one).
            await using var context = await playwright.Chromium.LaunchPersistentContextAsync(Path.Combine(work, "profile"), new()
            {
                ExecutablePath = ChromiumFactAttribute.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                ViewportSize = new() { Width = 1200, Height = 900 },
            });
            var requests = new ConcurrentQueue<string>();
            var consoleErrors = new ConcurrentQueue<string>();
            context.Request += (_, request) => requests.Enqueue(request.Url);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    consoleErrors.Enqueue(message.Text);
                }
            };

            await page.GotoAsync(new Uri(report).AbsoluteUri, new() { WaitUntil = WaitUntilState.NetworkIdle });

            await page.WaitForLoadStateAsync(LoadState.Load);

            // Expect(...) retries until the page shows what it asserts (or its timeout passes), so a page still
            // rendering under load is waited for, and a chart really missing still fails. The stand-ins give every
            // chart data, so the page must hold all of them, each once.
            await Expect(page.Locator("figure.chart")).ToHaveCountAsync(ChartSet.AllIds.Length);
            foreach (string id in ChartSet.AllIds)
            {
                var image = page.Locator($"#chart-{id} img");
                await Expect(image).ToHaveCountAsync(1);
                await Expect(image).ToHaveJSPropertyAsync("complete", true);
                int naturalWidth = await image.EvaluateAsync<int>("img => img.naturalWidth");
                Assert.True(naturalWidth > 0, $"chart {id} did not load");
                double inked = InkedFraction(await image.ScreenshotAsync());
                output.WriteLine($"{id}: {naturalWidth} px wide, {inked:P1} of its pixels drawn");
                Assert.True(inked > 0.02, $"chart {id} looks blank ({inked:P2} of its pixels are not white)");
            }

            await Expect(page.Locator("#summary h2")).ToContainTextAsync("Summary");
            await Expect(page.Locator("#results tbody tr")).ToHaveCountAsync(run.Models.Length);
            Assert.All(requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"the page requested {url}"));
            Assert.Empty(consoleErrors);

            Directory.CreateDirectory(ArtifactsDir);
            string screenshot = Path.Combine(ArtifactsDir, "report.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            File.Copy(report, Path.Combine(ArtifactsDir, "report.html"), overwrite: true);
            output.WriteLine($"screenshot: {screenshot}; requests: {string.Join(", ", requests)}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // The share of pixels that are not (near) white: an empty chart or a broken image has almost none.
    private static double InkedFraction(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("Chromium returned an unreadable screenshot");
        int inked = 0;
        for (int y = 0; y < bitmap.Height; y++)
        {
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red < 230 || c.Green < 230 || c.Blue < 230)
                {
                    inked++;
                }
            }
        }

        return (double)inked / (bitmap.Width * bitmap.Height);
    }
}
