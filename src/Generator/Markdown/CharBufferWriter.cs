using System.Text;

namespace PPNBlog.Generator.Markdown;

/// <summary>
/// A <see cref="TextWriter"/> into one array that grows as needed and is reused after <see cref="Clear"/>: what was
/// written is read back as memory, never copied out into a string of its own.
/// </summary>
internal sealed class CharBufferWriter : TextWriter
{
    private char[] _buffer = new char[16 * 1024];
    private int _length;

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.Unicode;

    /// <summary>What was written since the last <see cref="Clear"/>; valid until the next write.</summary>
    public ReadOnlyMemory<char> Written => _buffer.AsMemory(0, _length);

    /// <summary>Starts again, keeping the array.</summary>
    public void Clear() => _length = 0;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = value;
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_length + buffer.Length > _buffer.Length) Grow(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(string? value) => Write(value.AsSpan());

    private void Grow(int more) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
}
