using QuantBench.Serving;

namespace QuantBench.Tests.Serving;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Samples_are_read_by_name_and_summed_over_label_sets()
    {
        const string text = """
            # HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.
            # TYPE llamacpp:prompt_tokens_total counter
            llamacpp:prompt_tokens_total 1024
            llamacpp:tokens_predicted_seconds_total 3.25
            vllm:generation_tokens_total{model_name="a {odd} \"name\""} 10
            vllm:generation_tokens_total{model_name="b"} 5 1700000000000
            vllm:time_to_first_token_seconds_bucket{le="+Inf",model_name="b"} +Inf
            not a sample line
            """;

        var values = PrometheusText.Parse(text);

        Assert.Equal(1024, values["llamacpp:prompt_tokens_total"]);
        Assert.Equal(3.25, values["llamacpp:tokens_predicted_seconds_total"]);
        Assert.Equal(15, values["vllm:generation_tokens_total"]);
        Assert.True(double.IsPositiveInfinity(values["vllm:time_to_first_token_seconds_bucket"]));
        Assert.Equal(4, values.Count);
    }
}
