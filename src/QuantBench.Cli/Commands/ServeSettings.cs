using System.ComponentModel;
using System.Globalization;
using QuantBench.Cli.Commands.Converters;
using QuantBench.Serving;
using Spectre.Console;
using Spectre.Console.Cli;

namespace QuantBench.Cli.Commands;

/// <summary>Options of <c>quantbench serve</c>: the servers, the request shape, the load sweep and its bounds.</summary>
internal sealed class ServeSettings : CommandSettings
{
    [CommandOption("--url <URL>")]
    [Description("An OpenAI-compatible server, e.g. http://127.0.0.1:8080 (with or without /v1). Repeat it to spread requests over several.")]
    public string[] Urls { get; init; } = [];

    [CommandOption("--api <API>")]
    [Description("completions (/v1/completions) or chat (/v1/chat/completions).")]
    [DefaultValue("completions")]
    [TypeConverter(typeof(ServingApiConverter))]
    public ServingApi Api { get; init; } = ServingApi.Completions;

    [CommandOption("--model <NAME>")]
    [Description("The model name the server expects (sent as 'model').")]
    public string? Model { get; init; }

    [CommandOption("--api-key <KEY>")]
    [Description("Bearer token (default: the OPENAI_API_KEY variable). Never written to results, reports or logs.")]
    public string? ApiKey { get; init; }

    [CommandOption("-p|--prompt-tokens <N>")]
    [Description("Prompt tokens per request: N, or A:B for lengths drawn uniformly with --seed.")]
    [DefaultValue("128")]
    public string PromptTokens { get; init; } = "128";

    [CommandOption("-n|--gen-tokens <N>")]
    [Description("Output tokens per request (max_tokens, with ignore_eos).")]
    [DefaultValue(64)]
    public int GenTokens { get; init; } = 64;

    [CommandOption("--text <FILE>")]
    [Description("Cut prompts from this text (default: common English words in a seeded order).")]
    public string? Text { get; init; }

    [CommandOption("--concurrency <LIST>")]
    [Description("Concurrency sweep, e.g. 1,2,4,8 (the default when --rate is not given).")]
    public string? Concurrency { get; init; }

    [CommandOption("--rate <LIST>")]
    [Description("Request-rate sweep in requests/s, e.g. 1,2,4 (seeded gamma arrivals, see --burstiness).")]
    public string? Rate { get; init; }

    [CommandOption("--burstiness <X>")]
    [Description("Gamma shape of the arrival gaps: 1 is Poisson, below 1 burstier.")]
    [DefaultValue(1.0)]
    public double Burstiness { get; init; } = 1.0;

    [CommandOption("--requests <N>")]
    [Description("Measured requests per point.")]
    [DefaultValue(32)]
    public int Requests { get; init; } = 32;

    [CommandOption("--warmup <N>")]
    [Description("Warm-up requests before each point, not counted.")]
    [DefaultValue(2)]
    public int Warmup { get; init; } = 2;

    [CommandOption("--max-point-time <SECONDS>")]
    [Description("No new request after this long in one point.")]
    [DefaultValue(120.0)]
    public double MaxPointSeconds { get; init; } = 120;

    [CommandOption("--request-timeout <SECONDS>")]
    [Description("Give up on one request after this long.")]
    [DefaultValue(60.0)]
    public double RequestTimeoutSeconds { get; init; } = 60;

    [CommandOption("--slo <OBJECTIVES>")]
    [Description("Goodput objectives, e.g. ttft=200ms,tpot=50ms,e2e=2s.")]
    [DefaultValue("ttft=200ms,tpot=50ms")]
    public string Slo { get; init; } = "ttft=200ms,tpot=50ms";

    [CommandOption("--max-error-rate <PERCENT>")]
    [Description("Stop the sweep after a point with more failed requests than this.")]
    [DefaultValue(50.0)]
    public double MaxErrorRatePercent { get; init; } = 50;

    [CommandOption("--no-early-stop")]
    [Description("Measure every point even when throughput stopped growing (3% over two points).")]
    public bool NoEarlyStop { get; init; }

    [CommandOption("--no-ignore-eos")]
    [Description("Do not send ignore_eos (for servers that reject it); output lengths may then vary.")]
    public bool NoIgnoreEos { get; init; }

    [CommandOption("--keep-alive")]
    [Description("Reuse connections (default: a new connection per request, as llama-server closes them after each stream).")]
    public bool KeepAlive { get; init; }

    [CommandOption("--client-cpu-warn <PERCENT>")]
    [Description("Warn when the client's own CPU passes this share of the machine during a point.")]
    [DefaultValue(50.0)]
    public double ClientCpuWarnPercent { get; init; } = 50;

    [CommandOption("--seed <N>")]
    [Description("Seed of the prompts, their lengths and the arrival times.")]
    [DefaultValue(42)]
    public int Seed { get; init; } = 42;

    [CommandOption("--launch <COMMAND>")]
    [Description("Start one server per model instead of --url: a command with {model} and {port}, e.g. \"llama-server -m {model} --port {port} --host 127.0.0.1 -t 2 -c 2048 --parallel 8\". Each server leads its own process group and is stopped after its sweep.")]
    public string? Launch { get; init; }

    [CommandOption("--launch-model <GGUF>")]
    [Description("A model file for --launch's {model} (repeatable): one level each, measured with the same requests. None: the embedded default ladder, as `run` measures it.")]
    public string[] LaunchModels { get; init; } = [];

    [CommandOption("--preset <NAME>")]
    [Description("With --launch and no --launch-model: the embedded default's synthetic model preset (tiny, small, medium, large).")]
    [DefaultValue("small")]
    public string Preset { get; init; } = "small";

    [CommandOption("--types <LIST>")]
    [Description("With --launch and no --launch-model: the embedded default's quantization ladder, comma-separated (F32, the base, is always measured).")]
    [DefaultValue(EmbeddedLadder.DefaultTypes)]
    public string Types { get; init; } = EmbeddedLadder.DefaultTypes;

    [CommandOption("--cache <DIR>")]
    [Description("Where the embedded default's generated models are cached (default: ~/.cache/quantbench/models).")]
    public string? Cache { get; init; }

    [CommandOption("--ready-timeout <SECONDS>")]
    [Description("With --launch: seconds a server may take to answer /health (or /v1/models) before its level fails.")]
    [DefaultValue(180.0)]
    public double ReadyTimeoutSeconds { get; init; } = 180;

    [CommandOption("-o|--output <DIR>")]
    [Description("Results folder (default: quantbench-results/serve-<time>).")]
    public string? Output { get; init; }

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (Urls.Length == 0 && Launch is null)
        {
            problems.Add("--url is required (e.g. --url http://127.0.0.1:8080), or --launch with a server command");
        }

        if (Urls.Length > 0 && Launch is not null)
        {
            problems.Add("--url and --launch exclude each other");
        }

        if (Launch is not null)
        {
            var template = new Launching.ServerCommandTemplate(Launch);
            problems.AddRange(template.Validate());
            if (template.UsesModel && LaunchModels.Length == 0)
            {
                Check(problems, () => Synthetic.SyntheticModelPresets.Find(Preset), "--preset");
                Check(problems, () => Models.QuantizationTypes.ParseList(Types), "--types");
            }
            if (!(ReadyTimeoutSeconds > 0))
                problems.Add("--ready-timeout must be positive");
            foreach (string model in LaunchModels.Where(m => !File.Exists(m)))
                problems.Add($"{model}: no such file");
        }

        foreach (string url in Urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"'{url}' is not an http:// or https:// URL");
            }
        }

        Check(problems, () => PromptLengthRange.Parse(PromptTokens));
        Check(problems, () => ServiceLevelObjective.Parse(Slo));
        Check(problems, () => Loads());
        if (GenTokens < 1) problems.Add("gen tokens must be at least 1");
        if (Requests < 1) problems.Add("requests per point must be at least 1");
        if (Warmup < 0) problems.Add("warm-up requests cannot be negative");
        if (!(MaxPointSeconds > 0)) problems.Add("--max-point-time must be positive");
        if (!(RequestTimeoutSeconds > 0)) problems.Add("--request-timeout must be positive");
        if (!(Burstiness > 0)) problems.Add("--burstiness must be positive");
        if (MaxErrorRatePercent is < 0 or > 100) problems.Add("--max-error-rate must be between 0 and 100");
        if (Text is not null && !File.Exists(Text)) problems.Add($"{Text}: no such file");
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems));
    }

    /// <summary>The sweep's loads: the concurrency list, then the rate list; 1,2,4,8 when neither is given.</summary>
    internal IReadOnlyList<ServingLoad> Loads()
    {
        var loads = new List<ServingLoad>();
        foreach (double c in Numbers(Concurrency, "--concurrency"))
        {
            loads.Add(c >= 1 && c == Math.Floor(c) && c <= 100_000 ? ServingLoad.Concurrency((int)c) : throw new FormatException($"--concurrency: {c} is not a whole number from 1 to 100000"));
        }

        foreach (double r in Numbers(Rate, "--rate"))
        {
            loads.Add(r > 0 ? ServingLoad.Rate(r, Burstiness) : throw new FormatException($"--rate: {r} is not a positive rate"));
        }

        return loads.Count > 0 ? loads : [.. new[] { 1, 2, 4, 8 }.Select(ServingLoad.Concurrency)];
    }

    private static IEnumerable<double> Numbers(string? list, string option) => list is null
        ? []
        : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d : throw new FormatException($"{option}: '{v}' is not a number")).ToArray();

    private static void Check(List<string> problems, Action parse)
    {
        try
        {
            parse();
        }
        catch (FormatException e)
        {
            problems.Add(e.Message);
        }
    }

    private static void Check(List<string> problems, Action parse, string option)
    {
        try
        {
            parse();
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            problems.Add($"{option}: {e.Message}");
        }
    }
}
