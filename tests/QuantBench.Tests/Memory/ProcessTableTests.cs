using QuantBench.Memory;

namespace QuantBench.Tests.Memory;

public sealed class ProcessTableTests
{
    [Fact]
    public void A_stat_line_is_read_after_the_last_parenthesis_of_the_name()
    {
        var line = ProcessStatLine.TryParse("4242 (llama (server) x) S 17 4200 4200 0 -1 4194560 1 2 3");

        Assert.Equal(new ProcessStatLine(4242, 'S', 17, 4200), line);
        Assert.Null(ProcessStatLine.TryParse("not a stat line"));
    }

    [Fact]
    public void The_tree_holds_descendants_and_group_members_but_not_zombies_or_strangers()
    {
        var table = new ProcessTable(
        [
            new(100, 'S', 1, 100),  // the wrapper, leading its group
            new(101, 'S', 100, 100), // its server child
            new(102, 'R', 101, 102), // a grandchild that left the group
            new(103, 'S', 1, 100),  // a group member reparented to init
            new(104, 'Z', 100, 100), // a zombie
            new(200, 'S', 1, 200),  // another process
        ]);

        Assert.Equal(new[] { 100, 101, 102, 103 }, table.TreeAndGroup(100).ToArray());
        Assert.Equal(new[] { 100, 101, 103 }, table.GroupMembers(100).ToArray());
        Assert.False(table.Contains(104));
    }
}
