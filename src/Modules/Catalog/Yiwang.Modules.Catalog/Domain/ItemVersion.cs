using Yiwang.Modules.Catalog.Contracts;

namespace Yiwang.Modules.Catalog.Domain;

/// <summary>The state of one version of an item.</summary>
internal enum VersionState
{
    Draft,
    Published,
    Superseded,
}

/// <summary>One version (事项版本) of an item's elements. Published and superseded versions never change.</summary>
internal sealed class ItemVersion
{
    private ItemVersion()
    {
    }

    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public int Version { get; private set; }
    public VersionState State { get; private set; }
    public string Name { get; private set; } = "";
    public ItemGuide Guide { get; private set; } = null!;
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? PublishedAtUtc { get; private set; }

    public static ItemVersion Draft(Guid id, Guid itemId, int version, ItemGuide guide, DateTimeOffset now) => new()
    {
        Id = id,
        ItemId = itemId,
        Version = version,
        State = VersionState.Draft,
        Name = guide.Name,
        Guide = guide,
        CreatedAtUtc = now.UtcDateTime,
    };

    public void Replace(ItemGuide guide, DateTimeOffset now)
    {
        Guide = guide;
        Name = guide.Name;
        CreatedAtUtc = now.UtcDateTime;
    }

    public void Publish(DateTimeOffset now)
    {
        State = VersionState.Published;
        PublishedAtUtc = now.UtcDateTime;
    }

    public void Supersede() => State = VersionState.Superseded;
}
