using Yiwang.Modules.Sharing.Contracts;

namespace Yiwang.Modules.Sharing.Domain;

/// <summary>
/// A data resource in the catalogue (政务数据资源目录条目): its code, provider, items with their classification, update
/// cycle, sharing and open attributes, and where the hub reads its data (挂接). Revised in place; the revision counts edits.
/// </summary>
internal sealed class DataResource
{
    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string ProviderDepartmentCode { get; private set; } = "";
    public List<DataItem> Items { get; private set; } = [];
    public string UpdateCycle { get; private set; } = "";
    public ShareType ShareType { get; private set; }
    public string? ShareCondition { get; private set; }
    public string? RefusalBasis { get; private set; }
    public OpenType OpenType { get; private set; }
    public SourceKind Source { get; private set; }
    public string? SourceUrl { get; private set; }
    public int RecordCount { get; private set; }
    public DateTime? LoadedAtUtc { get; private set; }
    public DateTime PublishedAtUtc { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Words searched by the catalogue page and API (name, summary, category, item labels).</summary>
    public string SearchText { get; private set; } = "";

    public static DataResource Publish(Guid id, string code, string provider, DateTimeOffset now) =>
        new() { Id = id, Code = code, ProviderDepartmentCode = provider, PublishedAtUtc = now.UtcDateTime };

    public void Describe(ValidResource input, DateTimeOffset now)
    {
        Name = input.Name;
        Summary = input.Summary;
        Category = input.Category;
        Items = [.. input.Items];
        UpdateCycle = input.UpdateCycle;
        ShareType = input.ShareType;
        ShareCondition = input.ShareCondition;
        RefusalBasis = input.RefusalBasis;
        OpenType = input.OpenType;
        Source = input.Source;
        SourceUrl = input.SourceUrl;
        SearchText = string.Join(' ', [Name, Summary, Category, .. Items.Select(i => i.Label)]);
        PublishedAtUtc = now.UtcDateTime;
        Revision++;
    }

    public void Loaded(int records, DateTimeOffset now)
    {
        RecordCount = records;
        LoadedAtUtc = now.UtcDateTime;
        Revision++;
    }

    public DataItem? Item(string name) => Items.FirstOrDefault(i => i.Name == name);

    /// <summary>The first key item: what identifies a record.</summary>
    public DataItem PrimaryKey => Items.First(i => i.Key);

    /// <summary>Update cycles (更新周期) and how long data may age before it counts as stale.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> Cycles = new Dictionary<string, TimeSpan>
    {
        ["实时"] = TimeSpan.FromHours(1),
        ["每日"] = TimeSpan.FromDays(1),
        ["每周"] = TimeSpan.FromDays(7),
        ["每月"] = TimeSpan.FromDays(31),
        ["每季度"] = TimeSpan.FromDays(92),
        ["每年"] = TimeSpan.FromDays(366),
        ["不定期"] = TimeSpan.MaxValue,
    };
}

/// <summary>A resource input that passed validation.</summary>
internal sealed record ValidResource(
    string Code, string Name, string Summary, string Category, IReadOnlyList<DataItem> Items, string UpdateCycle, ShareType ShareType,
    string? ShareCondition, string? RefusalBasis, OpenType OpenType, SourceKind Source, string? SourceUrl);
