using System.Collections.Immutable;
using QuantBench.OpenAi;
using QuantBench.Serving;

namespace QuantBench.Cli.Commands;

/// <summary>
/// What <c>serve --url</c> and <c>serve --launch</c> build alike from the settings: the sweep plan, the client's
/// options, the requests (made once against one server's tokenizer) and the target recorded in the results.
/// </summary>
internal sealed class ServingSetup
{
    private readonly ServeSettings _settings;

    internal ServingSetup(ServeSettings settings)
    {
        _settings = settings;
        Api = settings.Api;
        Lengths = PromptLengthRange.Parse(settings.PromptTokens);
        Plan = new ServingSweepPlan
        {
            Loads = [.. settings.Loads()],
            RequestsPerPoint = settings.Requests,
            WarmupRequests = settings.Warmup,
            MaxPointDuration = TimeSpan.FromSeconds(settings.MaxPointSeconds),
            Seed = settings.Seed,
            Objective = ServiceLevelObjective.Parse(settings.Slo),
            Stop = new ServingStopRule(MaxErrorRate: settings.MaxErrorRatePercent / 100, StopWhenFlat: !settings.NoEarlyStop),
            ClientCpuWarningShare = settings.ClientCpuWarnPercent / 100,
        };
    }

    internal ServingApi Api { get; }

    internal PromptLengthRange Lengths { get; }

    internal ServingSweepPlan Plan { get; }

    /// <summary>The client's options for these servers; the key is sent, never recorded.</summary>
    internal OpenAiClientOptions ClientOptions(ImmutableArray<Uri> urls, string? apiKey) => new()
    {
        Urls = urls,
        Api = Api,
        Model = _settings.Model,
        ApiKey = apiKey,
        RequestTimeout = TimeSpan.FromSeconds(_settings.RequestTimeoutSeconds),
        IgnoreEos = !_settings.NoIgnoreEos,
        KeepAlive = _settings.KeepAlive,
    };

    /// <summary>The sweep's requests, cut to exact token lengths with <paramref name="server"/>'s tokenizer where it has one.</summary>
    internal async Task<(ServingWorkload Workload, PromptLengthSource Source)> BuildWorkloadAsync(HttpClient http, Uri server, string? apiKey, CancellationToken cancellationToken)
    {
        string? corpus = _settings.Text is null ? null : await File.ReadAllTextAsync(_settings.Text, cancellationToken);
        var tokenizer = new OpenAiServerTokenizer(http, server, _settings.Model, apiKey);
        var (prompts, source) = await ServingPromptBuilder.BuildAsync(tokenizer, corpus, Lengths, Plan.PromptCount, _settings.Seed, cancellationToken);
        // Token ids where the server takes them: the exact tokens counted, whatever its tokenizer makes of the text.
        bool ids = Api == ServingApi.Completions && prompts[0].TokenIds is { IsDefaultOrEmpty: false } first
            && await OpenAiServerProbe.AcceptsTokenIdPromptAsync(http, server, _settings.Model, apiKey, first, cancellationToken);
        return (new ServingWorkload(prompts, _settings.GenTokens) { SendTokenIds = ids }, source);
    }

    /// <summary>What was measured, as results.json records it: <paramref name="targets"/> are URLs or a launch command.</summary>
    internal ServingTarget Target(IEnumerable<string> targets, string? model, bool apiKeyGiven, PromptLengthSource source, bool tokenIds) => new()
    {
        PromptTokenIds = tokenIds,
        Urls = [.. targets],
        Api = Api,
        Model = model,
        ApiKeyGiven = apiKeyGiven,
        PromptTokens = Lengths.ToString(),
        PromptLengths = source,
        OutputTokens = _settings.GenTokens,
        KeepAlive = _settings.KeepAlive,
        TextFile = _settings.Text is null ? null : Path.GetFullPath(_settings.Text),
    };
}
