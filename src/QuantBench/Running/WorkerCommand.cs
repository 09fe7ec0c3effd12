using System.Collections.Immutable;

namespace QuantBench.Running;

/// <summary>How to start a worker: the executable and the arguments that come before <c>worker</c>'s own.</summary>
public sealed record WorkerCommand(string FileName, ImmutableArray<string> LeadingArguments)
{
    /// <summary>The worker is the QuantBench CLI assembly started through the dotnet host.</summary>
    public static WorkerCommand ForAssembly(string assemblyPath) => new("dotnet", [assemblyPath]);

    /// <summary>The current process's own executable, as the CLI uses it.</summary>
    public static WorkerCommand ForCurrentProcess(string entryAssemblyPath)
    {
        string processPath = Environment.ProcessPath ?? "dotnet";
        bool isHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        return isHost ? ForAssembly(entryAssemblyPath) : new WorkerCommand(processPath, []);
    }
}
