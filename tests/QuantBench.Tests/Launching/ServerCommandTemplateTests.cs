using QuantBench.Launching;

namespace QuantBench.Tests.Launching;

public sealed class ServerCommandTemplateTests
{
    [Fact]
    public void Render_fills_the_port_and_shell_quotes_the_model()
    {
        var template = new ServerCommandTemplate("llama-server -m {model} --port {port} --host 127.0.0.1");

        var line = template.Render("/m/it's small.gguf", 8123);

        Assert.Equal("llama-server -m '/m/it'\\''s small.gguf' --port 8123 --host 127.0.0.1", line);
    }

    [Fact]
    public void A_template_without_a_port_is_refused_with_the_reason()
    {
        var problems = new ServerCommandTemplate("llama-server -m {model}").Validate();

        Assert.Contains(problems, p => p.Contains("{port}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_naming_a_model_needs_one()
    {
        var template = new ServerCommandTemplate("srv -m {model} --port {port}");

        Assert.True(template.UsesModel);
        Assert.Throws<ArgumentException>(() => template.Render(null, 9000));
        Assert.False(new ServerCommandTemplate("srv --port {port}").UsesModel);
    }
}
