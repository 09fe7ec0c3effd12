namespace QuantBench.Serving;

/// <summary>Why a request to a server failed; every failed request is counted under exactly one kind.</summary>
public enum ServingErrorKind
{
    /// <summary>The connection could not be made (nothing listening, host unreachable).</summary>
    Refused,

    /// <summary>No complete answer within the request timeout.</summary>
    Timeout,

    /// <summary>The server answered with a non-success HTTP status, or sent an error object inside the stream.</summary>
    HttpStatus,

    /// <summary>The stream carried something that is not the expected JSON chunk.</summary>
    MalformedStream,

    /// <summary>The stream ended (or the connection broke) before the server said it was done.</summary>
    CutStream,
}
