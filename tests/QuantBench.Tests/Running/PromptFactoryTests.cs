using QuantBench.Engines;

namespace QuantBench.Tests.Running;

public sealed class PromptFactoryTests
{
    [Fact]
    public void A_prompt_starts_with_bos_and_has_the_asked_length()
    {
        var prompt = PromptFactory.Create(128, 1000, 1, 42);
        Assert.Equal(128, prompt.Length);
        Assert.Equal(1, prompt[0]);
        Assert.All(prompt, t => Assert.InRange(t, 0, 999));
    }

    [Fact]
    public void The_same_seed_gives_the_same_prompt_and_another_seed_another()
    {
        Assert.Equal(PromptFactory.Create(64, 1000, 1, 7).AsEnumerable(), PromptFactory.Create(64, 1000, 1, 7));
        Assert.NotEqual(PromptFactory.Create(64, 1000, 1, 7).AsEnumerable(), PromptFactory.Create(64, 1000, 1, 8));
    }

    [Fact]
    public void A_model_without_bos_gets_only_random_tokens()
    {
        var prompt = PromptFactory.Create(32, 50, null, 1);
        Assert.Equal(32, prompt.Length);
        Assert.True(prompt.Distinct().Count() > 10);
    }
}
