using QuantBench.Results;
using QuantBench.Statistics;

namespace QuantBench.Tests.Results;

public sealed class StoppingOutcomeJsonTests
{
    [Theory]
    [InlineData("TargetMet", StoppingReason.TargetMet)]
    [InlineData("MaxRuns", StoppingReason.MaxRuns)]
    [InlineData("MaxDuration", StoppingReason.MaxDuration)]
    [InlineData("FixedCount", StoppingReason.FixedCount)]
    [InlineData("Interleaved (3 rounds)", StoppingReason.Interleaved)]
    public void Reasons_written_as_text_by_older_versions_still_read(string written, StoppingReason expected)
    {
        string json = $$"""{"adaptive":false,"reason":"{{written}}","runs":9,"relativeHalfWidth":0.01,"targetRelativeHalfWidth":0.02,"targetMet":true}""";

        Assert.Equal(expected, ResultsJson.Deserialize<StoppingOutcome>(json).Reason);
    }

    [Fact]
    public void A_reason_is_written_by_name_and_reads_back()
    {
        var outcome = new StoppingOutcome(false, StoppingReason.Interleaved, 9, 0.01, 0.02, true);

        string json = ResultsJson.SerializeLine(outcome);

        Assert.Contains("\"reason\":\"Interleaved\"", json);
        Assert.Equal(outcome, ResultsJson.Deserialize<StoppingOutcome>(json));
    }

    [Fact]
    public void An_unknown_reason_is_a_format_error()
    {
        string json = """{"adaptive":true,"reason":"Bored","runs":9,"relativeHalfWidth":0.01,"targetRelativeHalfWidth":0.02,"targetMet":true}""";

        Assert.Throws<System.Text.Json.JsonException>(() => ResultsJson.Deserialize<StoppingOutcome>(json));
    }
}
