using System.Text;

namespace QuantBench.Tasks;

/// <summary>Reads a task file's text as llama-perplexity's <c>-f</c> does: bytes as UTF-8, one trailing newline dropped.</summary>
internal static class TaskText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw TaskFileException.Whole(path, "cannot be read: " + e.Message);
        }
    }

    /// <summary>The text (a byte-order mark kept, as llama.cpp keeps it) without its one trailing newline.</summary>
    public static string Read(string path)
    {
        var bytes = ReadBytes(path);
        string text = Decode(path, bytes, 0, bytes.Length);
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    public static string Decode(string path, byte[] bytes, int offset, int length)
    {
        try
        {
            return Strict.GetString(bytes, offset, length);
        }
        catch (DecoderFallbackException e)
        {
            throw TaskFileException.AtByte(path, offset + Math.Max(0, e.Index), "not valid UTF-8");
        }
    }

    /// <summary>The 1-based line number of a character offset.</summary>
    public static int LineOf(string text, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
