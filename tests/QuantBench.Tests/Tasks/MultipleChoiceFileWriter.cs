using System.Text;

namespace QuantBench.Tests.Tasks;

/// <summary>Writes llama-perplexity's binary multiple-choice format, for tests.</summary>
internal static class MultipleChoiceFileWriter
{
    public static byte[] Write(IReadOnlyList<(string Question, string[] Answers, int Correct)> tasks)
    {
        var bodies = tasks.Select(Task).ToList();
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write((uint)tasks.Count);
        uint offset = 4 + 4 * (uint)tasks.Count;
        foreach (var body in bodies)
        {
            writer.Write(offset);
            offset += (uint)body.Length;
        }

        foreach (var body in bodies)
        {
            writer.Write(body);
        }

        return stream.ToArray();
    }

    private static byte[] Task((string Question, string[] Answers, int Correct) task)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        String(writer, task.Question);
        for (int set = 0; set < 2; set++)
        {
            writer.Write((uint)task.Answers.Length);
            foreach (var answer in task.Answers)
            {
                String(writer, answer);
            }

            for (int i = 0; i < task.Answers.Length; i++)
            {
                writer.Write(i == task.Correct ? 1 : 0);
            }
        }

        return stream.ToArray();
    }

    private static void String(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((uint)bytes.Length);
        writer.Write(bytes);
    }
}
