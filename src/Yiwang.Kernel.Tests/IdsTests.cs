using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Yiwang.Kernel.Tests;

public sealed class IdsTests
{
    private static readonly DateTimeOffset Instant = new(2026, 11, 30, 8, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Ids_made_in_the_same_millisecond_sort_in_the_order_they_were_made()
    {
        var made = Enumerable.Range(0, 5_000).Select(_ => Ids.New(Instant)).ToList();

        made.Order().ShouldBe(made);
        made.Select(id => id.ToString()).Order(StringComparer.Ordinal).ShouldBe(made.Select(id => id.ToString())); // SQLite keeps them as text
        made.Distinct().Count().ShouldBe(made.Count);
    }

    [Fact]
    public void An_id_is_a_version_7_guid_that_carries_its_millisecond()
    {
        var id = Ids.New(Instant.AddDays(1));
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];

        id.Version.ShouldBe(7);
        (id.Variant & 0b1100).ShouldBe(0b1000);
        milliseconds.ShouldBe(Instant.AddDays(1).ToUnixTimeMilliseconds());
    }

    [Property(MaxTest = 200)]
    public bool An_id_for_a_later_millisecond_sorts_after_one_for_an_earlier(ushort earlier, byte gap)
    {
        var first = Ids.New(Instant.AddMilliseconds(earlier));
        var second = Ids.New(Instant.AddMilliseconds(earlier + gap + 2));
        return first.CompareTo(second) < 0 && string.CompareOrdinal(first.ToString(), second.ToString()) < 0;
    }

    [Fact]
    public void An_earlier_instant_than_the_last_id_gets_an_id_of_its_own_time()
    {
        Ids.New(Instant.AddHours(2));
        var back = Ids.New(Instant);

        back.ShouldBeLessThan(Ids.New(Instant.AddHours(2)));
    }
}
