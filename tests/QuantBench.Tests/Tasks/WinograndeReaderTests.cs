using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

public sealed class WinograndeReaderTests
{
    [Fact]
    public void Reads_quoted_and_plain_sentences_and_leaves_out_the_unterminated_last_line_as_llama_perplexity()
    {
        string text = "index,sentence,option1,option2,answer\n"
            + "0,Sarah was better than Maria so _ got the easy cases.,Sarah,Maria,2\n"
            + "1,\"Tom, not Bob, said _ was tired.\",Tom,Bob,1\n"
            + "2,The last _ line.,a,b,1";
        var set = WinograndeReader.Parse("w.csv", text);
        Assert.Equal(2, set.AvailableTasks);
        var first = set.WinograndeTasks[0];
        Assert.Equal(("Sarah was better than Maria so ", " got the easy cases.", "Sarah", "Maria", 2),
            (first.First, first.Second, first.Choice1, first.Choice2, first.Answer));
        var second = set.WinograndeTasks[1];
        Assert.Equal(("Tom, not Bob, said ", " was tired.", 1), (second.First, second.Second, second.Answer));
        Assert.Equal(2, set.Notes.Length);
        Assert.Contains(set.Notes, n => n.Contains("line 4 left out"));
    }

    [Fact]
    public void A_last_line_followed_by_an_empty_line_is_read()
    {
        var set = WinograndeReader.Parse("w.csv", "0,a _ b.,x,y,1\n1,c _ d.,x,y,2\n");
        Assert.Equal(2, set.Count);
        Assert.Empty(set.Notes);
    }

    [Theory]
    [InlineData("0,a _ b.,x,y,1\n1,no blank here.,x,y,2\n\n", "w.csv, line 2: the sentence has no '_' to put the choice in")]
    [InlineData("0,a _ b.,x,y,1\n1,c _ d.,x,y,3\n\n", "w.csv, line 2: the answer must be 1 or 2, not '3'")]
    [InlineData("0,a _ b.,x,y,1\n1,c _ d.,x,y\n\n", "w.csv, line 2: 3 field separators where 4 are needed (index,sentence,choice 1,choice 2,answer)")]
    [InlineData("0,a _ b.,x,y,1\n\n2,c _ d.,x,y,1\n\n", "w.csv, line 2: empty line (a Winogrande line is index,sentence,choice 1,choice 2,answer)")]
    [InlineData("0,a _ b.,x,y,1\n1,c _ d.,x,y,two\n\n", "w.csv, line 2: the answer must be 1 or 2, not 'two'")]
    public void A_malformed_line_is_an_error_naming_it(string text, string message)
    {
        var e = Assert.Throws<TaskFileException>(() => WinograndeReader.Parse("w.csv", text));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_file_with_one_line_and_no_empty_line_after_it_has_no_tasks()
    {
        var e = Assert.Throws<TaskFileException>(() => WinograndeReader.Parse("w.csv", "0,a _ b.,x,y,1"));
        Assert.Contains("no tasks", e.Message);
    }
}
