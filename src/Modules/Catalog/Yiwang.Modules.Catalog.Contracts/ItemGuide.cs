using System.Text.Json.Serialization;

namespace Yiwang.Modules.Catalog.Contracts;

/// <summary>Whether an entry is a basic catalogue item (基本目录, national, no implementing body) or an implementation item (实施清单).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemKind>))]
public enum ItemKind
{
    /// <summary>基本目录.</summary>
    Basic,
    /// <summary>实施清单.</summary>
    Implementation,
}

/// <summary>办件类型 (GB/T 39046 A.6): instant items are done on the spot; promise items within the promised limit.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandlingKind>))]
public enum HandlingKind
{
    /// <summary>承诺件 (code 2).</summary>
    Promise,
    /// <summary>即办件 (code 1).</summary>
    Instant,
}

/// <summary>网上办理深度: how far an item can be done online, from none to fully online.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OnlineDepth>))]
public enum OnlineDepth
{
    /// <summary>不可网办: only at the window.</summary>
    None,
    /// <summary>互联网咨询 (code 1).</summary>
    Consultation,
    /// <summary>网上收件 (code 2).</summary>
    Receipt,
    /// <summary>网上预审 (code 3).</summary>
    PreReview,
    /// <summary>网上受理 (code 4).</summary>
    Acceptance,
    /// <summary>全程网办: applied, decided and delivered online.</summary>
    FullyOnline,
}

/// <summary>How a material must be presented.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MaterialForm>))]
public enum MaterialForm
{
    /// <summary>原件.</summary>
    Original,
    /// <summary>复印件.</summary>
    Copy,
    /// <summary>原件和复印件.</summary>
    OriginalAndCopy,
    /// <summary>电子件.</summary>
    Electronic,
}

/// <summary>One required or optional material (申请材料) of an item.</summary>
/// <param name="Name">材料名称.</param>
/// <param name="Required">是否必要.</param>
/// <param name="Form">原件/复印件.</param>
/// <param name="Count">份数.</param>
/// <param name="Format">Format and size, e.g. "A4 纸质；PDF".</param>
/// <param name="Source">来源渠道, e.g. 申请人自备 or the issuing body.</param>
/// <param name="Note">填报须知 / remarks.</param>
/// <param name="ReplacedByLicenceType">An electronic licence type (电子证照类型代码) that may replace it (免证办).</param>
/// <param name="ReplacedByDataItem">A shared data item (共享数据项) that may replace it.</param>
public sealed record Material(
    string Name,
    bool Required = true,
    MaterialForm Form = MaterialForm.Original,
    int Count = 1,
    string? Format = null,
    string? Source = null,
    string? Note = null,
    string? ReplacedByLicenceType = null,
    string? ReplacedByDataItem = null);

/// <summary>One step of the handling process (办理流程).</summary>
/// <param name="Name">环节名称, e.g. 受理, 审查, 决定.</param>
/// <param name="Role">Who does it, e.g. 窗口受理, 审批.</param>
/// <param name="LimitDays">Working days allotted to the step.</param>
/// <param name="Description">What happens.</param>
public sealed record ProcessStep(string Name, string? Role = null, int? LimitDays = null, string? Description = null);

/// <summary>One fee (收费项目).</summary>
/// <param name="Name">收费项目名称.</param>
/// <param name="Standard">收费标准.</param>
/// <param name="Basis">收费依据.</param>
public sealed record Fee(string Name, string Standard, string? Basis = null);

/// <summary>A frequent question and its answer (常见问题).</summary>
/// <param name="Question">问题.</param>
/// <param name="Answer">答案.</param>
public sealed record Faq(string Question, string Answer);

/// <summary>
/// The guide (办事指南) of an item version: the elements of GB/T 39046 Table 4 that citizens and clerks read.
/// The same record is what admins send and what readers get.
/// </summary>
public sealed record ItemGuide
{
    /// <summary>事项名称.</summary>
    public required string Name { get; init; }
    /// <summary>Other names people search by (别名).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>事项类型代码 (GB/T 39046 A.1), two digits, e.g. 01 行政许可, 20 公共服务.</summary>
    public required string TypeCode { get; init; }
    /// <summary>行使层级代码 (A.2): 1 国家级 … 6 村(社区)级.</summary>
    public IReadOnlyList<string> ExerciseLevels { get; init; } = [];
    /// <summary>主项名称, when this is a sub-item.</summary>
    public string? MainItemName { get; init; }
    /// <summary>设定依据.</summary>
    public string? LegalBasis { get; init; }
    /// <summary>受理条件.</summary>
    public string? Conditions { get; init; }
    /// <summary>服务对象代码 (A.4): 1 自然人, 2 企业法人 ….</summary>
    public IReadOnlyList<string> ServiceObjects { get; init; } = [];
    /// <summary>申请材料.</summary>
    public IReadOnlyList<Material> Materials { get; init; } = [];
    /// <summary>办理流程.</summary>
    public IReadOnlyList<ProcessStep> ProcessSteps { get; init; } = [];
    /// <summary>即办件 or 承诺件.</summary>
    public HandlingKind HandlingKind { get; init; }
    /// <summary>法定办结时限 in working days.</summary>
    public int? StatutoryLimitDays { get; init; }
    /// <summary>承诺办结时限 in working days (0 = same day).</summary>
    public int? PromisedLimitDays { get; init; }
    /// <summary>时限说明.</summary>
    public string? LimitNote { get; init; }
    /// <summary>是否收费.</summary>
    public bool Charged { get; init; }
    /// <summary>收费项目.</summary>
    public IReadOnlyList<Fee> Fees { get; init; } = [];
    /// <summary>办理形式 (A.5): window, web, mobile, post, self-service.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];
    /// <summary>网上办理深度.</summary>
    public OnlineDepth OnlineDepth { get; init; }
    /// <summary>办理地点.</summary>
    public string? Place { get; init; }
    /// <summary>办理时间.</summary>
    public string? Hours { get; init; }
    /// <summary>咨询电话.</summary>
    public string? ConsultPhone { get; init; }
    /// <summary>监督投诉电话.</summary>
    public string? ComplaintPhone { get; init; }
    /// <summary>到办事现场次数 (0 = 不见面).</summary>
    public int? VisitsRequired { get; init; }
    /// <summary>结果名称, e.g. 营业执照.</summary>
    public string? ResultName { get; init; }
    /// <summary>Flags: see <see cref="ItemFlags"/>.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    /// <summary>常见问题.</summary>
    public IReadOnlyList<Faq> Faqs { get; init; } = [];
}

/// <summary>The flag vocabulary of an item.</summary>
public static class ItemFlags
{
    /// <summary>跨省通办.</summary>
    public const string CrossProvince = "cross-province";
    /// <summary>全省通办.</summary>
    public const string ProvinceWide = "province-wide";
    /// <summary>免证可办.</summary>
    public const string CertificateFree = "certificate-free";
    /// <summary>一次不跑 (no visit).</summary>
    public const string NoVisit = "no-visit";
    /// <summary>最多跑一次.</summary>
    public const string AtMostOneVisit = "at-most-one-visit";
    /// <summary>高频事项.</summary>
    public const string HighFrequency = "high-frequency";
    /// <summary>支持预约办理.</summary>
    public const string Appointment = "appointment";
    /// <summary>支持网上支付.</summary>
    public const string OnlinePayment = "online-payment";
    /// <summary>支持物流快递.</summary>
    public const string Delivery = "delivery";

    /// <summary>Each flag with its Chinese label.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [CrossProvince] = "跨省通办",
        [ProvinceWide] = "全省通办",
        [CertificateFree] = "免证可办",
        [NoVisit] = "一次不跑",
        [AtMostOneVisit] = "最多跑一次",
        [HighFrequency] = "高频事项",
        [Appointment] = "可预约",
        [OnlinePayment] = "网上支付",
        [Delivery] = "快递送达",
    };
}
