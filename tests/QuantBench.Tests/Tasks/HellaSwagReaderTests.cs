using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

public sealed class HellaSwagReaderTests
{
    private static string Task(string context, int gold) =>
        $"{context}\n{gold}\n{context} a\n{context} b\n{context} c\n{context} d\n";

    [Fact]
    public void Reads_six_lines_per_task_and_orders_them_as_llama_perplexity()
    {
        string text = string.Concat(Enumerable.Range(0, 7).Select(i => Task($"ctx{i}", i % 4)));
        var set = HellaSwagReader.Parse("h.txt", text.TrimEnd('\n'));
        Assert.Equal(TaskKind.HellaSwag, set.Kind);
        Assert.Equal(7, set.AvailableTasks);
        Assert.Equal([2, 6, 4, 5, 0, 1, 3], set.ChoiceTasks.Select(t => t.Number));
        var first = set.ChoiceTasks[0];
        Assert.Equal("ctx2", first.Context);
        Assert.Equal(["ctx2 a", "ctx2 b", "ctx2 c", "ctx2 d"], first.Endings.ToArray());
        Assert.True(first.IsCorrect(2));
        Assert.False(first.IsCorrect(0));
    }

    [Fact]
    public void A_count_below_the_file_takes_the_first_draws()
    {
        string text = string.Concat(Enumerable.Range(0, 7).Select(i => Task($"ctx{i}", 0)));
        Assert.Equal([2, 6, 4], HellaSwagReader.Parse("h.txt", text, 3).ChoiceTasks.Select(t => t.Number));
    }

    [Fact]
    public void An_incomplete_task_is_an_error_at_its_first_line()
    {
        string text = Task("one", 1) + "two\n1\nx";
        var e = Assert.Throws<TaskFileException>(() => HellaSwagReader.Parse("h.txt", text));
        Assert.Equal("line 7", e.Location);
        Assert.Contains("not a multiple of 6", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("x")]
    [InlineData("")]
    public void A_gold_index_outside_0_to_3_is_an_error_at_its_line(string label)
    {
        string text = Task("one", 0) + $"two\n{label}\na\nb\nc\nd";
        var e = Assert.Throws<TaskFileException>(() => HellaSwagReader.Parse("h.txt", text));
        Assert.Equal("h.txt, line 8: the gold ending index must be 0, 1, 2 or 3, not '" + label + "'", e.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var e = Assert.Throws<TaskFileException>(() => HellaSwagReader.Parse("h.txt", ""));
        Assert.Contains("no tasks", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_at_its_byte()
    {
        using var dir = new QuantBench.Tests.Quality.TempDirectory();
        string path = dir.File("bad.txt");
        File.WriteAllBytes(path, [(byte)'a', (byte)'b', 0xff, (byte)'\n']);
        var e = Assert.Throws<TaskFileException>(() => HellaSwagReader.Read(path));
        Assert.Equal("bad.txt, byte 2: not valid UTF-8", e.Message);
    }
}
