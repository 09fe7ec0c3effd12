using LLama.Native;
using QuantBench.Engines;

namespace QuantBench.LlamaCpp;

/// <summary>
/// The one place that touches llama.cpp's process-wide state: loads the native library once, routes
/// its log into a bounded buffer (so a failure can name llama.cpp's last words) and reports the build.
/// </summary>
internal static class LlamaNative
{
    // LLamaSharp 0.30.0 is built from llama.cpp release b10221 (its release notes); the native library exposes no build number.
    internal const string BundledBuild = "b10221";

    /// <summary>Names a llama.cpp library (libllama.so, or the folder holding it) to load instead of LLamaSharp's own.</summary>
    public const string LibraryVariable = "QUANTBENCH_LLAMA_LIB";

    /// <summary>The library named by <see cref="LibraryVariable"/>, as a full path; null for LLamaSharp's bundled build.</summary>
    internal static string? CustomLibrary => CustomLibraryPath(Environment.GetEnvironmentVariable(LibraryVariable));

    /// <summary>"b10221" for the bundled library; "custom" for one named by the user, whose build QuantBench cannot read.</summary>
    internal static string NativeBuild => CustomLibrary is null ? BundledBuild : "custom";

    internal static string? CustomLibraryPath(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        string path = Path.GetFullPath(setting);
        return Directory.Exists(path) ? Path.Combine(path, "libllama.so") : path;
    }

    /// <summary>The LLamaSharp package version this build references (recorded at build time).</summary>
    internal static string LLamaSharpVersion { get; } = typeof(LlamaNative).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .OfType<System.Reflection.AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "LLamaSharpVersion")?.Value ?? "unknown";

    private static readonly Lock Gate = new();
    private static readonly NativeLog Log = new(capacity: 2000);
    private static bool loaded;

    internal static NativeLog RecentLog => Log;

    internal static bool IsLoaded
    {
        get
        {
            lock (Gate)
            {
                return loaded;
            }
        }
    }

    /// <summary>Loads the native library; LLamaQuantizer as the first native call throws DllNotFoundException otherwise.</summary>
    internal static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (loaded)
            {
                return;
            }

            string? custom = CustomLibrary;
            if (custom is not null && !File.Exists(custom))
            {
                throw new EngineUnavailableException($"{LibraryVariable} names {custom}, which does not exist");
            }

            if (NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                // Something loaded the library before us (LLamaSharp code run first): route its log directly.
                NativeLogConfig.llama_log_set((level, message) => Log.Add(level, message));
            }
            else
            {
                NativeLibraryConfig.All.WithLogCallback((level, message) => Log.Add(level, message));
                if (custom is not null)
                {
                    NativeLibraryConfig.LLama.WithLibrary(custom);
                }
            }

            try
            {
                NativeApi.llama_empty_call();
            }
            catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
            {
                throw new EngineUnavailableException(custom is null
                    ? $"LLamaSharp's bundled llama.cpp could not be loaded: {FirstLine(Innermost(e).Message)}"
                    : $"llama.cpp could not be loaded from {custom}: it must be a libllama.so with its libggml libraries beside it, "
                      + $"built from llama.cpp {BundledBuild} or another release with the same interface ({FirstLine(Innermost(e).Message)})");
            }

            loaded = true;
        }
    }

    internal static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    internal static string Variant()
    {
        EnsureLoaded();
        if (CustomLibrary is not null)
        {
            return "as built";
        }

        var library = NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama);
        return library?.Metadata?.AvxLevel.ToString().ToLowerInvariant() ?? "unknown";
    }

    internal static string SystemInfo()
    {
        EnsureLoaded();
        return (System.Runtime.InteropServices.Marshal.PtrToStringUTF8(NativeApi.llama_print_system_info()) ?? string.Empty).Trim();
    }
}
