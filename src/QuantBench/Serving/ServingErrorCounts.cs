namespace QuantBench.Serving;

/// <summary>Failed requests by kind; every failed request is in exactly one count.</summary>
public sealed record ServingErrorCounts(int Refused, int Timeout, int HttpStatus, int MalformedStream, int CutStream)
{
    public int Total => Refused + Timeout + HttpStatus + MalformedStream + CutStream;

    public static ServingErrorCounts From(IEnumerable<ServingSample> samples)
    {
        var kinds = samples.Where(s => s.Error is not null).Select(s => s.Error!.Kind).ToArray();
        int Count(ServingErrorKind kind) => kinds.Count(k => k == kind);
        return new ServingErrorCounts(Count(ServingErrorKind.Refused), Count(ServingErrorKind.Timeout), Count(ServingErrorKind.HttpStatus),
            Count(ServingErrorKind.MalformedStream), Count(ServingErrorKind.CutStream));
    }

    public override string ToString() => Total == 0
        ? "none"
        : string.Join(", ", new[] { ("refused", Refused), ("timeout", Timeout), ("HTTP status", HttpStatus), ("malformed stream", MalformedStream), ("cut stream", CutStream) }
            .Where(p => p.Item2 > 0).Select(p => $"{p.Item2} {p.Item1}"));
}
