using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

public sealed class MultipleChoiceReaderTests
{
    private static readonly (string, string[], int)[] ThreeTasks =
    [
        ("What is red?", ["a rose", "the sky", "grass"], 0),
        ("What is blue?", ["a rose", "the sky"], 1),
        ("What is green?", ["a rose", "the sky", "grass", "snow"], 2),
    ];

    [Fact]
    public void Reads_every_task_in_order_with_its_labels()
    {
        var set = MultipleChoiceReader.Parse("mc.bin", MultipleChoiceFileWriter.Write(ThreeTasks));
        Assert.Equal(3, set.AvailableTasks);
        Assert.Equal(["What is red?", "What is blue?", "What is green?"], set.ChoiceTasks.Select(t => t.Context));
        Assert.Equal(["a rose", "the sky"], set.ChoiceTasks[1].Endings.ToArray());
        Assert.True(set.ChoiceTasks[2].IsCorrect(2));
        Assert.False(set.ChoiceTasks[2].IsCorrect(0));
    }

    [Fact]
    public void A_count_below_the_file_reads_the_drawn_tasks_at_their_offsets()
    {
        var set = MultipleChoiceReader.Parse("mc.bin", MultipleChoiceFileWriter.Write(ThreeTasks), 2);
        var expected = TaskSelection.Scaled(3, 2);
        Assert.Equal(expected, set.ChoiceTasks.Select(t => t.Number));
        Assert.Equal(ThreeTasks[expected[0]].Item1, set.ChoiceTasks[0].Context);
    }

    [Fact]
    public void A_truncated_file_is_an_error_at_the_byte_where_the_string_starts()
    {
        var bytes = MultipleChoiceFileWriter.Write(ThreeTasks);
        var cut = bytes[..^20];
        var e = Assert.Throws<TaskFileException>(() => MultipleChoiceReader.Parse("mc.bin", cut));
        Assert.StartsWith("mc.bin, byte ", e.Message);
        Assert.Contains("task 3 of 3", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void More_than_100_answers_is_an_error_at_the_count()
    {
        var bytes = MultipleChoiceFileWriter.Write(ThreeTasks);
        int questionEnd = 4 + 12 + 4 + "What is red?".Length;
        BitConverter.GetBytes(1000u).CopyTo(bytes, questionEnd);
        var e = Assert.Throws<TaskFileException>(() => MultipleChoiceReader.Parse("mc.bin", bytes));
        Assert.Equal($"mc.bin, byte {questionEnd}: task 1 of 3: mc1 has 1000 answers; at most 100 are allowed", e.Message);
    }

    [Fact]
    public void An_empty_answer_is_an_error_naming_the_task()
    {
        var bytes = MultipleChoiceFileWriter.Write([("Q?", ["yes", ""], 0)]);
        var e = Assert.Throws<TaskFileException>(() => MultipleChoiceReader.Parse("mc.bin", bytes));
        Assert.Equal("mc.bin, byte 8: task 1 of 1: answer 2 is empty", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0 }, "mc.bin, whole file: no tasks (the task count is 0)")]
    [InlineData(new byte[] { 1, 0 }, "mc.bin, byte 0: the file ends before the task count")]
    [InlineData(new byte[] { 9, 0, 0, 0, 1, 0, 0, 0 }, "mc.bin, byte 0: a task count of 9 does not fit a file of 8 bytes")]
    public void A_bad_header_is_an_error(byte[] bytes, string message) =>
        Assert.Equal(message, Assert.Throws<TaskFileException>(() => MultipleChoiceReader.Parse("mc.bin", bytes)).Message);
}
