using System.Runtime.InteropServices;
using QuantBench.Gguf;
using QuantBench.Models;

namespace QuantBench.LlamaCpp;

/// <summary>
/// The C arrays llama.h's <c>llama_model_quantize_params</c> points at, in unmanaged memory for one call:
/// <c>{ const char * pattern; enum ggml_type type; }</c> and <c>{ const char * name; const float * data; size_t size; }</c>,
/// each ended by an entry whose string is NULL.
/// </summary>
internal sealed class NativeQuantizeArrays : IDisposable
{
    private readonly List<IntPtr> _allocations = [];

    public NativeQuantizeArrays(QuantizationOptions options, ImportanceMatrix? matrix)
    {
        if (!options.TensorTypes.IsEmpty)
        {
            // struct llama_model_tensor_override: pointer, then a 4-byte enum padded to the pointer's size.
            int size = 2 * IntPtr.Size;
            TensorTypes = Allocate(size * (options.TensorTypes.Length + 1));
            for (int i = 0; i < options.TensorTypes.Length; i++)
            {
                Marshal.WriteIntPtr(TensorTypes, i * size, String(options.TensorTypes[i].Pattern));
                Marshal.WriteInt64(TensorTypes, i * size + IntPtr.Size, (long)options.TensorTypes[i].Type);
            }

            Marshal.WriteIntPtr(TensorTypes, options.TensorTypes.Length * size, IntPtr.Zero);
            Marshal.WriteInt64(TensorTypes, options.TensorTypes.Length * size + IntPtr.Size, 0);
        }

        if (matrix is not null)
        {
            int size = 3 * IntPtr.Size;
            var entries = matrix.Entries.ToArray();
            ImportanceMatrix = Allocate(size * (entries.Length + 1));
            for (int i = 0; i < entries.Length; i++)
            {
                var values = entries[i].Value;
                IntPtr data = Allocate(values.Length * sizeof(float));
                Marshal.Copy(values, 0, data, values.Length);
                Marshal.WriteIntPtr(ImportanceMatrix, i * size, String(entries[i].Key));
                Marshal.WriteIntPtr(ImportanceMatrix, i * size + IntPtr.Size, data);
                Marshal.WriteIntPtr(ImportanceMatrix, i * size + 2 * IntPtr.Size, (IntPtr)values.Length);
            }

            for (int k = 0; k < 3; k++)
            {
                Marshal.WriteIntPtr(ImportanceMatrix, entries.Length * size + k * IntPtr.Size, IntPtr.Zero);
            }
        }
    }

    public IntPtr TensorTypes { get; }

    public IntPtr ImportanceMatrix { get; }

    public void Dispose()
    {
        foreach (var pointer in _allocations)
        {
            Marshal.FreeHGlobal(pointer);
        }

        _allocations.Clear();
    }

    private IntPtr Allocate(int bytes)
    {
        IntPtr pointer = Marshal.AllocHGlobal(Math.Max(bytes, 1));
        _allocations.Add(pointer);
        return pointer;
    }

    private IntPtr String(string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text + "\0");
        IntPtr pointer = Allocate(bytes.Length);
        Marshal.Copy(bytes, 0, pointer, bytes.Length);
        return pointer;
    }
}
