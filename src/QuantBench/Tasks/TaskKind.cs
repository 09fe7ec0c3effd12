namespace QuantBench.Tasks;

/// <summary>The three task-file formats llama-perplexity scores.</summary>
public enum TaskKind
{
    /// <summary>llama-perplexity's <c>--hellaswag</c>: six lines per task (context, gold index, four endings).</summary>
    HellaSwag,

    /// <summary>llama-perplexity's <c>--winogrande</c>: CSV lines <c>index,sentence with _,choice 1,choice 2,answer</c>.</summary>
    Winogrande,

    /// <summary>llama-perplexity's <c>--multiple-choice</c>: its binary format (MMLU, ARC, TruthfulQA).</summary>
    MultipleChoice,
}
