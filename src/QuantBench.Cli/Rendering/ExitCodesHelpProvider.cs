using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace QuantBench.Cli.Rendering;

/// <summary>Spectre's help with the exit codes at the foot of every page, so scripts need not read the README.</summary>
internal sealed class ExitCodesHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command) =>
    [
        .. base.GetFooter(model, command),
        new Markup(Environment.NewLine + "[yellow]EXIT CODES:[/]" + Environment.NewLine),
        new Markup("    0      every model measured" + Environment.NewLine),
        new Markup("    1      some model failed (its cause is in the report)" + Environment.NewLine),
        new Markup($"    {ErrorReporter.UsageOrInputError}      bad input: a missing or invalid file, option or value" + Environment.NewLine),
        new Markup("    130    interrupted (Ctrl-C); results measured so far are kept" + Environment.NewLine),
    ];
}
