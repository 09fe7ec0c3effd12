namespace QuantBench.Serving;

/// <summary>One failed request: its kind, the HTTP status where there was one, and a one-line detail for the reader.</summary>
public sealed record ServingError(ServingErrorKind Kind, string Detail, int? HttpStatusCode = null);
