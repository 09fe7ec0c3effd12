using LLama.Native;

namespace QuantBench.LlamaCpp;

/// <summary>
/// The one place that touches llama.cpp's process-wide state: loads the native library once, routes
/// its log into a bounded buffer (so a failure can name llama.cpp's last words) and reports the build.
/// </summary>
internal static class LlamaNative
{
    // LLamaSharp 0.30.0 is built from llama.cpp release b10221 (its release notes); the native library exposes no build number.
    internal const string NativeBuild = "b10221";

    /// <summary>The LLamaSharp package version this build references (recorded at build time).</summary>
    internal static string LLamaSharpVersion { get; } = typeof(LlamaNative).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .OfType<System.Reflection.AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == "LLamaSharpVersion")?.Value ?? "unknown";

    private static readonly Lock Gate = new();
    private static readonly NativeLog Log = new(capacity: 2000);
    private static bool loaded;

    internal static NativeLog RecentLog => Log;

    /// <summary>Loads the native library; LLamaQuantizer as the first native call throws DllNotFoundException otherwise.</summary>
    internal static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (loaded)
            {
                return;
            }

            if (NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                // Something loaded the library before us (LLamaSharp code run first): route its log directly.
                NativeLogConfig.llama_log_set((level, message) => Log.Add(level, message));
            }
            else
            {
                NativeLibraryConfig.All.WithLogCallback((level, message) => Log.Add(level, message));
            }

            NativeApi.llama_empty_call();
            loaded = true;
        }
    }

    internal static string Variant()
    {
        EnsureLoaded();
        var library = NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama);
        return library?.Metadata?.AvxLevel.ToString().ToLowerInvariant() ?? "unknown";
    }

    internal static string SystemInfo()
    {
        EnsureLoaded();
        return (System.Runtime.InteropServices.Marshal.PtrToStringUTF8(NativeApi.llama_print_system_info()) ?? string.Empty).Trim();
    }
}
