using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using QuantBench.Cli;
using QuantBench.Results;

namespace QuantBench.Tests.Architecture;

/// <summary>
/// The layout's rules, checked on the compiled code: LLamaSharp is referenced by QuantBench.LlamaCpp alone, and
/// the core's folders (namespaces QuantBench.X) depend on each other without cycles once the dependencies in
/// <see cref="KnownBackEdges"/> (not yet broken; docs/architecture.md) are set aside: any other dependency that
/// closes a cycle fails.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Dependencies "From -> To" that close cycles in the core today; this list may only shrink.</summary>
    private static readonly string[] KnownBackEdges =
    [
        "Decisions -> Reports",
        "Memory -> Serving",
        "Results -> Serving",
        "Serving -> Reports",
    ];

    private static readonly System.Reflection.Assembly Core = typeof(RunResult).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader()
        .LoadAssemblies(Core, typeof(QuantBenchApp).Assembly, typeof(QuantBench.Charts.Html.HtmlExporter).Assembly)
        .Build());

    [Fact]
    public void Only_QuantBench_LlamaCpp_references_LLamaSharp()
    {
        System.Reflection.Assembly[] others = [Core, typeof(QuantBenchApp).Assembly, typeof(QuantBench.Charts.Html.HtmlExporter).Assembly];

        var referencing = others.Where(a => a.GetReferencedAssemblies().Any(r => r.Name!.StartsWith("LLamaSharp", StringComparison.Ordinal))).Select(a => a.GetName().Name);
        var usingTypes = Loaded.Value.Types
            .Where(t => t.Dependencies.Any(d => d.Target.FullName.StartsWith("LLama.", StringComparison.Ordinal)))
            .Select(t => t.FullName);

        Assert.Empty(referencing);
        Assert.Empty(usingTypes);
    }

    [Fact]
    public void The_core_has_no_namespace_cycle_but_the_known_ones()
    {
        var graph = NamespaceGraph(Loaded.Value.Types.Where(t => t.Assembly.FullName == Core.FullName), KnownBackEdges);

        var cycles = Cycles(graph);

        Assert.True(cycles.Length == 0, "namespace cycles in the core: " + string.Join(" | ", cycles.Select(c =>
            string.Join(", ", c) + " (edges: " + string.Join(", ", c.SelectMany(a => graph[a].Where(c.Contains).Select(b => a + " -> " + b))) + ")")));
    }

    /// <summary>Each strongly connected group of namespaces with more than one member, sorted.</summary>
    internal static string[][] Cycles(Dictionary<string, HashSet<string>> graph) =>
        [.. StronglyConnected(graph).Where(c => c.Count > 1).Select(c => c.Order(StringComparer.Ordinal).ToArray())];

    /// <summary>Which QuantBench.X namespace depends on which, without the dependencies <paramref name="ignored"/> ("From -> To").</summary>
    internal static Dictionary<string, HashSet<string>> NamespaceGraph(IEnumerable<IType> types, IReadOnlyCollection<string> ignored)
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var type in types)
        {
            if (Folder(type.Namespace?.FullName) is not { } from)
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var dependency in type.Dependencies)
            {
                if (Folder(dependency.Target?.Namespace?.FullName) is { } to && to != from && !ignored.Contains(from + " -> " + to))
                {
                    edges.Add(to);
                    graph.TryAdd(to, []);
                }
            }
        }

        return graph;
    }

    private static string? Folder(string? ns) =>
        ns is not null && ns.StartsWith("QuantBench.", StringComparison.Ordinal) ? ns.Split('.')[1] : null;

    // Tarjan's algorithm.
    private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (string w in graph[v])
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                result.Add(component);
            }
        }

        foreach (string v in graph.Keys.Order(StringComparer.Ordinal).ToArray())
        {
            if (!index.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return result;
    }
}
