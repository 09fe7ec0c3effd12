using System.Collections.Immutable;

namespace QuantBench.Running;

/// <summary>How to start a worker: the executable and the arguments that come before <c>worker</c>'s own.</summary>
public sealed record WorkerCommand(string FileName, ImmutableArray<string> LeadingArguments)
{
    /// <summary>
    /// The QuantBench CLI as a worker: its own apphost when this process is that apphost, otherwise the
    /// CLI assembly through the dotnet host (as under <c>dotnet run</c>, <c>dotnet test</c> or a dotnet tool).
    /// </summary>
    public static WorkerCommand ForCli(string cliAssemblyPath)
    {
        string? process = Environment.ProcessPath;
        string apphost = Path.Combine(Path.GetDirectoryName(cliAssemblyPath) ?? ".", Path.GetFileNameWithoutExtension(cliAssemblyPath));
        if (process is not null && string.Equals(Path.GetFullPath(process), Path.GetFullPath(apphost), StringComparison.Ordinal))
        {
            return new WorkerCommand(process, []);
        }

        return new WorkerCommand(DotnetHost(process), [cliAssemblyPath]);
    }

    private static string DotnetHost(string? process)
    {
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        // The dotnet CLI tells the processes it starts where it is.
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }
}
