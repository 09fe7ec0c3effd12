using QuantBench.Decisions;
using QuantBench.Tasks;

namespace QuantBench.Tests.Decisions;

public sealed class TaskLimitTests
{
    [Theory]
    [InlineData("hellaswag=0.30", "hellaswag", 0.30)]
    [InlineData("winogrande = 2%", "winogrande", 0.02)]
    [InlineData("mmlu.bin=0.5", "mmlu.bin", 0.5)]
    public void Parses_a_fraction_or_a_percentage(string text, string task, double fraction)
    {
        var limit = TaskLimit.Parse(text);

        Assert.Equal(task, limit.Task);
        Assert.Equal(fraction, limit.Fraction, 12);
    }

    [Theory]
    [InlineData("hellaswag", "not TASK=VALUE")]
    [InlineData("=0.3", "not TASK=VALUE")]
    [InlineData("hellaswag=", "not TASK=VALUE")]
    [InlineData("hellaswag=high", "'high' in 'hellaswag=high' is not a number")]
    [InlineData("hellaswag=30", "outside 0 to 1")]
    [InlineData("hellaswag=-1%", "outside 0 to 1")]
    public void A_malformed_limit_is_a_format_error_saying_why(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => TaskLimit.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_limit_names_files_by_kind_or_by_name()
    {
        Assert.True(TaskLimit.Parse("HellaSwag=0.3").Names(TaskKind.HellaSwag, "h.txt"));
        Assert.True(TaskLimit.Parse("mc=0.3").Names(TaskKind.MultipleChoice, "arc.bin"));
        Assert.True(TaskLimit.Parse("arc.bin=0.3").Names(TaskKind.MultipleChoice, "arc.bin"));
        Assert.False(TaskLimit.Parse("winogrande=0.3").Names(TaskKind.HellaSwag, "h.txt"));
        Assert.False(TaskLimit.Parse("other.bin=0.3").Names(TaskKind.MultipleChoice, "arc.bin"));
    }
}
