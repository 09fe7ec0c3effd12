using QuantBench.Tasks;

namespace QuantBench.Tests.Tasks;

public sealed class TaskSelectionTests
{
    // Expected values printed by a C++ program built with g++ 12 (libstdc++): std::mt19937 rng(1) and
    // llama-perplexity's two ways of drawing tasks with it.
    [Fact]
    public void Mersenne_twister_matches_std_mt19937_seed_1()
    {
        var rng = new MersenneTwister(1);
        uint[] expected = [1791095845, 4282876139, 3093770124, 4005303368, 491263];
        Assert.Equal(expected, expected.Select(_ => rng.Next()).ToArray());
    }

    [Theory]
    [InlineData(1000, new[] { 417, 997, 719, 931, 0, 128, 302, 999, 147, 236 })]
    [InlineData(3000, new[] { 1251, 2991, 2160, 2796, 0, 384, 907, 2997, 441, 709 })]
    public void HellaSwag_draws_as_libstdcxx_uniform_int_distribution(int available, int[] expected) =>
        Assert.Equal(expected, TaskSelection.HellaSwag(available, expected.Length));

    [Fact]
    public void HellaSwag_shuffles_every_task_when_asked_for_more_than_the_file_holds() =>
        Assert.Equal([2, 6, 4, 5, 0, 1, 3], TaskSelection.HellaSwag(7, 400));

    [Fact]
    public void Winogrande_draws_with_the_single_precision_scale()
    {
        // Differs from the HellaSwag draw at 3000 tasks: float(r) * 2^-32 * float(n) rounds.
        Assert.Equal([1251, 2990, 2159, 2794, 0, 383, 905, 2998, 439, 706], TaskSelection.Scaled(3000, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    public void A_count_of_zero_or_at_least_the_file_takes_every_task_in_order(int count) =>
        Assert.Equal([0, 1, 2, 3, 4], TaskSelection.Scaled(5, count));
}
