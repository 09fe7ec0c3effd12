namespace QuantBench.Tests.Gguf;

/// <summary>An IProgress that reports on the calling thread (Progress&lt;T&gt; posts asynchronously).</summary>
internal sealed class SyncProgress(Action<double> onReport) : IProgress<double>
{
    public void Report(double value) => onReport(value);
}
