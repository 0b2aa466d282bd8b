namespace Yiwang.Kernel;

/// <summary>
/// Application-generated identifiers: version 7 GUIDs (RFC 9562), which sort by creation time and keep B-tree inserts
/// local. Ids made in the same millisecond carry a counter in the 12 bits RFC 9562 leaves for it (method 1), so that
/// they sort in the order they were made: a ticket's "registered" and "dispatched" steps share their instant and are
/// listed by id, and <see cref="Guid.CreateVersion7()"/> fills those bits at random.
/// </summary>
public static class Ids
{
    private const int MaxCounter = 0xFFF;
    private static readonly Lock Gate = new();
    private static long _lastMilliseconds = long.MinValue + 1;
    private static int _counter;

    /// <summary>A new time-ordered id for the given instant.</summary>
    public static Guid New(TimeProvider clock) => New(clock.GetUtcNow());

    /// <summary>
    /// A new id for <paramref name="instant"/>, after every id this process made for the same millisecond. When 4,096
    /// ids have been made in one millisecond, the next ones borrow the following millisecond.
    /// </summary>
    public static Guid New(DateTimeOffset instant)
    {
        var milliseconds = instant.ToUnixTimeMilliseconds();
        int counter;
        lock (Gate)
        {
            // Same millisecond as the last id (or the one before it, after a borrowed millisecond): count on from it.
            // An instant further back (a test clock, a clock set back) starts afresh from itself.
            if (milliseconds <= _lastMilliseconds && milliseconds >= _lastMilliseconds - 1)
            {
                if (_counter == MaxCounter)
                {
                    _lastMilliseconds++;
                    _counter = 0;
                }
                else
                {
                    _counter++;
                }
            }
            else
            {
                _lastMilliseconds = milliseconds;
                _counter = 0;
            }

            milliseconds = _lastMilliseconds;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)).TryWriteBytes(bytes, bigEndian: true, out _);
        bytes[6] = (byte)(0x70 | (counter >> 8));
        bytes[7] = (byte)counter;
        return new Guid(bytes, bigEndian: true);
    }
}
