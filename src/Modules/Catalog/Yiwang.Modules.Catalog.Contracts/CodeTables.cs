namespace Yiwang.Modules.Catalog.Contracts;

/// <summary>Code tables of GB/T 39046-2020 Appendix A used by the catalogue.</summary>
public static class CodeTables
{
    /// <summary>事项类型代码 (A.1).</summary>
    public static IReadOnlyDictionary<string, string> ItemTypes { get; } = new Dictionary<string, string>
    {
        ["01"] = "行政许可",
        ["02"] = "行政处罚",
        ["03"] = "行政强制",
        ["04"] = "行政征收",
        ["05"] = "行政给付",
        ["06"] = "行政检查",
        ["07"] = "行政确认",
        ["08"] = "行政奖励",
        ["09"] = "行政裁决",
        ["10"] = "其他行政权力",
        ["11"] = "政府内部审批",
        ["20"] = "公共服务",
    };

    /// <summary>行使层级代码 (A.2).</summary>
    public static IReadOnlyDictionary<string, string> ExerciseLevels { get; } = new Dictionary<string, string>
    {
        ["1"] = "国家级",
        ["2"] = "省级",
        ["3"] = "市级",
        ["4"] = "县级",
        ["5"] = "镇(乡、街道)级",
        ["6"] = "村(社区)级",
        ["7"] = "分级管理",
    };

    /// <summary>服务对象代码 (A.4).</summary>
    public static IReadOnlyDictionary<string, string> ServiceObjects { get; } = new Dictionary<string, string>
    {
        ["1"] = "自然人",
        ["2"] = "企业法人",
        ["3"] = "事业法人",
        ["4"] = "社会组织法人",
        ["5"] = "行政机关",
        ["6"] = "其他组织",
    };

    /// <summary>办理形式 (A.5) as channel keys.</summary>
    public static IReadOnlyDictionary<string, string> Channels { get; } = new Dictionary<string, string>
    {
        ["window"] = "窗口办理",
        ["web"] = "电脑端网上办理",
        ["mobile"] = "移动端办理",
        ["post"] = "快递申请",
        ["self-service"] = "自助终端",
    };

    /// <summary>网上办理深度 labels.</summary>
    public static IReadOnlyDictionary<OnlineDepth, string> OnlineDepths { get; } = new Dictionary<OnlineDepth, string>
    {
        [OnlineDepth.None] = "不可网办",
        [OnlineDepth.Consultation] = "互联网咨询",
        [OnlineDepth.Receipt] = "网上收件",
        [OnlineDepth.PreReview] = "网上预审",
        [OnlineDepth.Acceptance] = "网上受理",
        [OnlineDepth.FullyOnline] = "全程网办",
    };
}
