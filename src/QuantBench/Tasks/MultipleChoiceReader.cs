using System.Buffers.Binary;
using System.Collections.Immutable;

namespace QuantBench.Tasks;

/// <summary>
/// llama-perplexity's binary multiple-choice file (little-endian): uint32 task count, one uint32 byte offset per
/// task, then the tasks, each a question string and two answer sets (mc1: one correct answer, the one scored;
/// mc2: read, not scored). A string is a uint32 length and its bytes; an answer set is a uint32 count (at most
/// 100), the answers, and one int32 label per answer (1 = correct). All tasks are read in order; with a
/// <c>count</c> below the file's, that many are drawn as llama-perplexity draws them and read at their offsets.
/// </summary>
public static class MultipleChoiceReader
{
    private const int MaxAnswers = 100;

    public static TaskSet Read(string path, int count = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(path, TaskText.ReadBytes(path), count);
    }

    public static TaskSet Parse(string path, byte[] bytes, int count = 0)
    {
        var cursor = new Cursor(path, bytes);
        uint taskCount = cursor.UInt32("the task count");
        if (taskCount == 0)
        {
            throw TaskFileException.Whole(path, "no tasks (the task count is 0)");
        }

        if (taskCount > (bytes.Length - 4) / 4)
        {
            throw TaskFileException.AtByte(path, 0, $"a task count of {taskCount} does not fit a file of {bytes.Length} bytes");
        }

        var offsets = new uint[taskCount];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = cursor.UInt32("a task offset");
        }

        var tasks = ImmutableArray.CreateBuilder<ChoiceTask>();
        if (count <= 0 || count >= taskCount)
        {
            for (int i = 0; i < taskCount; i++)
            {
                tasks.Add(ReadTask(cursor, i, taskCount));
            }
        }
        else
        {
            foreach (int i in TaskSelection.Scaled((int)taskCount, count))
            {
                if (offsets[i] >= bytes.Length)
                {
                    throw TaskFileException.AtByte(path, 4 + 4L * i, $"task {i + 1}'s offset {offsets[i]} is past the end of the file ({bytes.Length} bytes)");
                }

                cursor.Position = offsets[i];
                tasks.Add(ReadTask(cursor, i, taskCount));
            }
        }

        return new TaskSet
        {
            Kind = TaskKind.MultipleChoice,
            FilePath = path,
            AvailableTasks = (int)taskCount,
            ChoiceTasks = tasks.ToImmutable(),
        };
    }

    private static ChoiceTask ReadTask(Cursor cursor, int number, uint taskCount)
    {
        long start = cursor.Position;
        string what = $"task {number + 1} of {taskCount}";
        string question = cursor.String($"{what}: the question");
        var (answers, labels) = AnswerSet(cursor, $"{what}: mc1");
        AnswerSet(cursor, $"{what}: mc2");
        if (question.Length == 0)
        {
            throw TaskFileException.AtByte(cursor.Path, start, $"{what} has an empty question");
        }

        if (answers.Length == 0)
        {
            throw TaskFileException.AtByte(cursor.Path, start, $"{what} has no answers");
        }

        int empty = answers.IndexOf(string.Empty);
        if (empty >= 0)
        {
            throw TaskFileException.AtByte(cursor.Path, start, $"{what}: answer {empty + 1} is empty");
        }

        return new ChoiceTask(number, question, answers, labels);
    }

    private static (ImmutableArray<string> Answers, ImmutableArray<int> Labels) AnswerSet(Cursor cursor, string what)
    {
        long at = cursor.Position;
        uint n = cursor.UInt32($"{what} answer count");
        if (n > MaxAnswers)
        {
            throw TaskFileException.AtByte(cursor.Path, at, $"{what} has {n} answers; at most {MaxAnswers} are allowed");
        }

        var answers = new string[n];
        for (int i = 0; i < n; i++)
        {
            answers[i] = cursor.String($"{what} answer {i + 1}");
        }

        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = (int)cursor.UInt32($"{what} label {i + 1}");
        }

        return ([.. answers], [.. labels]);
    }

    private sealed class Cursor(string path, byte[] bytes)
    {
        public string Path { get; } = path;

        public long Position { get; set; }

        public uint UInt32(string what)
        {
            Need(4, what);
            uint value = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)Position, 4));
            Position += 4;
            return value;
        }

        public string String(string what)
        {
            long at = Position;
            uint length = UInt32(what + " length");
            if (length > bytes.Length - Position)
            {
                throw TaskFileException.AtByte(Path, at, $"{what}: a string of {length} bytes runs past the end of the file ({bytes.Length} bytes)");
            }

            string value = TaskText.Decode(Path, bytes, (int)Position, (int)length);
            Position += length;
            return value;
        }

        private void Need(int size, string what)
        {
            if (Position + size > bytes.Length)
            {
                throw TaskFileException.AtByte(Path, Position, $"the file ends before {what}");
            }
        }
    }
}
