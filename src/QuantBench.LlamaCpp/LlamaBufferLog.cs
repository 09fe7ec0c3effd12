using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using QuantBench.Engines;

namespace QuantBench.LlamaCpp;

/// <summary>
/// Reads the buffer sizes llama.cpp logs when it loads a model and creates a context (its API exposes
/// none of them), e.g. <c>llama_kv_cache: CPU KV buffer size = 0.50 MiB</c> and
/// <c>sched_reserve: CPU compute buffer size = 3.75 MiB</c>.
/// </summary>
public static partial class LlamaBufferLog
{
    public static EngineBuffers Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        long kv = 0, compute = 0, output = 0;
        var model = ImmutableDictionary.CreateBuilder<string, long>();
        foreach (string line in lines)
        {
            var match = BufferLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            long bytes = (long)Math.Round(double.Parse(match.Groups["mib"].Value, CultureInfo.InvariantCulture) * 1024 * 1024);
            string device = match.Groups["device"].Value;
            switch (match.Groups["kind"].Value)
            {
                case "KV":
                    kv += bytes;
                    break;
                case "compute":
                    compute += bytes;
                    break;
                case "output":
                    output += bytes;
                    break;
                case "model":
                    model[device] = model.GetValueOrDefault(device) + bytes;
                    break;
            }
        }

        return new EngineBuffers { KvCacheBytes = kv, ComputeBufferBytes = compute, OutputBufferBytes = output, ModelBufferBytes = model.ToImmutable() };
    }

    // "<device> <kind> buffer size = <n> MiB"; the destructor's "buffer size is" echo is not matched.
    [GeneratedRegex(@"(?<device>[A-Za-z0-9_]+)\s+(?<kind>KV|compute|output|model) buffer size\s*=\s*(?<mib>[0-9.]+) MiB")]
    private static partial Regex BufferLine();
}
