namespace QuantBench.Engines;

/// <summary>The two phases of a request, announced to an observer that attributes memory to each.</summary>
public enum RequestPhase
{
    Prefill,
    Decode,
}
