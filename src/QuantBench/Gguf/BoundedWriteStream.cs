namespace QuantBench.Gguf;

/// <summary>
/// A write-only view of a stream that accepts exactly <c>expectedBytes</c>, so that a tensor callback
/// writing too much or too little is caught instead of corrupting every later tensor's offset.
/// Disposing it leaves the inner stream open.
/// </summary>
internal sealed class BoundedWriteStream(Stream inner, long expectedBytes, string tensorName) : Stream
{
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => expectedBytes;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public void EnsureComplete()
    {
        if (_written != expectedBytes)
        {
            throw new InvalidOperationException(
                $"tensor '{tensorName}' data callback wrote {_written} bytes, expected {expectedBytes}");
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_written + buffer.Length > expectedBytes)
        {
            throw new InvalidOperationException(
                $"tensor '{tensorName}' data callback wrote more than the tensor's {expectedBytes} bytes");
        }

        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
