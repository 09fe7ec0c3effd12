using QuantBench.Gguf;

namespace QuantBench.Preparation;

/// <summary>The header facts llama.cpp's per-tensor type rules look at: architecture, layers, grouped-query ratio, experts.</summary>
public sealed record ModelHyperparameters(string Architecture, int LayerCount, int GroupedQueryRatio, int ExpertCount)
{
    public bool IsFalcon => Architecture == "falcon";

    public static ModelHyperparameters From(GgufFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var summary = GgufModelSummary.From(file);
        string arch = summary.Architecture ?? "";
        long heads = summary.HeadCount ?? 0;
        long kvHeads = summary.HeadCountKv ?? heads;
        long experts = file.Metadata.GetInt64OrNull(GgufKeys.ForArchitecture(arch, "expert_count")) ?? 0;
        // llama_hparams::n_gqa: heads per KV head, 0 when the header has no KV heads.
        int gqa = kvHeads == 0 ? 0 : (int)(heads / kvHeads);
        return new ModelHyperparameters(arch, (int)(summary.BlockCount ?? 0), gqa, (int)experts);
    }
}
