namespace QuantBench.Reports.Exporters;

/// <summary>llama-bench's field types, which decide how a value is written in JSON (quoted, bare, true/false) and SQL.</summary>
public enum LlamaBenchFieldKind
{
    Text,
    Integer,
    Boolean,
    Real,
}
