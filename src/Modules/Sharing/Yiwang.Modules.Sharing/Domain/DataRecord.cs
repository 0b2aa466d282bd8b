namespace Yiwang.Modules.Sharing.Domain;

/// <summary>One record of a resource kept in the platform's store: its values by item name, and its primary key value.</summary>
internal sealed class DataRecord
{
    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    public string RecordKey { get; private set; } = "";
    public Dictionary<string, string?> Values { get; private set; } = [];
    public DateTime UpdatedAtUtc { get; private set; }

    public static DataRecord Create(Guid id, Guid resourceId, string key, Dictionary<string, string?> values, DateTimeOffset now) =>
        new() { Id = id, ResourceId = resourceId, RecordKey = key, Values = values, UpdatedAtUtc = now.UtcDateTime };

    /// <summary>The index entries of the record: one per key item with a value of 1–64 characters.</summary>
    public IEnumerable<RecordKeyEntry> KeyEntries(DataResource resource) =>
        resource.Items.Where(i => i.Key).Select(i => (i.Name, Value: Values.GetValueOrDefault(i.Name))).Where(k => k.Value is { Length: > 0 and <= 64 })
            .Select(k => new RecordKeyEntry { ResourceId = ResourceId, Field = k.Name, Value = k.Value!, RecordId = Id });

    /// <summary>Sets one value (a correction after an objection); a new dictionary so that EF sees the change.</summary>
    public void Set(string item, string? value, DateTimeOffset now)
    {
        Values = new Dictionary<string, string?>(Values) { [item] = value };
        UpdatedAtUtc = now.UtcDateTime;
    }
}

/// <summary>An index entry: a key item's value pointing at its record, so that lookups by any key field use an index.</summary>
internal sealed class RecordKeyEntry
{
    public Guid ResourceId { get; set; }
    public string Field { get; set; } = "";
    public string Value { get; set; } = "";
    public Guid RecordId { get; set; }
}
