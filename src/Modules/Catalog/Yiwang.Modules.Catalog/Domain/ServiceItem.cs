using Yiwang.Kernel;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Catalog.Contracts;

namespace Yiwang.Modules.Catalog.Domain;

/// <summary>
/// A government service item (政务服务事项): its identity and which of its versions is published. The content lives
/// in <see cref="ItemVersion"/>s; publishing a new version keeps the old ones readable because cases point at a version.
/// </summary>
internal sealed class ServiceItem
{
    private ServiceItem()
    {
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public ItemKind Kind { get; private set; }
    public string? BasicCode { get; private set; }
    public string? RegionCode { get; private set; }
    public string? DepartmentCode { get; private set; }
    public string? DepartmentName { get; private set; }
    public int? PublishedVersion { get; private set; }
    public int? DraftVersion { get; private set; }
    public int LatestVersion { get; private set; }
    public int Revision { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    public static ServiceItem Create(Guid id, string code, ItemKind kind, string? basicCode, string? regionCode, string? departmentCode, string? departmentName, DateTimeOffset now) => new()
    {
        Id = id,
        Code = code,
        Kind = kind,
        BasicCode = basicCode,
        RegionCode = regionCode,
        DepartmentCode = departmentCode,
        DepartmentName = departmentName,
        CreatedAtUtc = now.UtcDateTime,
        UpdatedAtUtc = now.UtcDateTime,
    };

    /// <summary>Writes the guide into the open draft, opening one (the next version number) if there is none.</summary>
    public ItemVersion SaveDraft(ItemGuide guide, ItemVersion? openDraft, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        UpdatedAtUtc = now.UtcDateTime;
        Revision++;
        if (openDraft is not null)
        {
            openDraft.Replace(guide, now);
            return openDraft;
        }

        LatestVersion++;
        DraftVersion = LatestVersion;
        return ItemVersion.Draft(Ids.New(clock), Id, LatestVersion, guide, now);
    }

    /// <summary>Publishes the open draft; the previously published version becomes superseded.</summary>
    public Result Publish(ItemVersion draft, ItemVersion? currentlyPublished, DateTimeOffset now)
    {
        if (DraftVersion is null || draft.Version != DraftVersion)
        {
            return CatalogErrors.NothingToPublish;
        }

        currentlyPublished?.Supersede();
        draft.Publish(now);
        PublishedVersion = draft.Version;
        DraftVersion = null;
        UpdatedAtUtc = now.UtcDateTime;
        Revision++;
        return Result.Success;
    }

    public void Relocate(string? basicCode, string? regionCode, string? departmentCode, string? departmentName, DateTimeOffset now)
    {
        BasicCode = basicCode;
        RegionCode = regionCode;
        DepartmentCode = departmentCode;
        DepartmentName = departmentName;
        UpdatedAtUtc = now.UtcDateTime;
    }

    internal static bool IsValidCode(string? code) =>
        code is { Length: >= 2 and <= 64 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
