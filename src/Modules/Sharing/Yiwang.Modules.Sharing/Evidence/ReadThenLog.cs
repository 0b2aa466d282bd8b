namespace Yiwang.Modules.Sharing.Evidence;

/// <summary>
/// A lookup whose records are read in the evidence log's own transaction (PostgreSQL): the resource's records whose key
/// <paramref name="Field"/> is <paramref name="Value"/>, at most <paramref name="Take"/>, and what the lookup makes of
/// them (<paramref name="EntryFor"/>: its answer, kept by the lookup, and the entry that logs it). The writer calls
/// <paramref name="EntryFor"/> on its own thread between its two round trips, so it must be quick and must not throw;
/// if it throws, the batch fails as a whole (nothing is served). <paramref name="GrantId"/> is the grant the entry
/// will count against, so that its calls today are read with the records.
/// </summary>
internal sealed record ReadThenLog(Guid Resource, string Field, string Value, int Take, Guid GrantId, Func<List<string>, EvidenceEntry> EntryFor);

/// <summary>A call's place in a batch of the evidence log: its entry, or the read its entry waits for.</summary>
internal readonly record struct LogSlot(EvidenceEntry? Entry, ReadThenLog? Read);
