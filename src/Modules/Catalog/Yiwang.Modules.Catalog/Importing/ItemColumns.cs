namespace Yiwang.Modules.Catalog.Importing;

/// <summary>
/// The columns of the catalogue exchange file (CSV or Excel). Headers are Chinese by default; English field names
/// and the column names of the Guang'an data set (itemCode, taskType, deptCode, areaCode…) are accepted as aliases.
/// List cells are separated by "；", ";" or "|"; nested parts (materials, steps, fees, FAQs) are JSON arrays.
/// </summary>
internal static class ItemColumns
{
    public sealed record Column(string Field, string Header, bool Required, params string[] Aliases);

    public static readonly Column[] All =
    [
        new("code", "事项编码", true, "code", "itemCode", "实施编码"),
        new("kind", "目录类别", false, "kind"),
        new("basicCode", "基本编码", false, "basicCode"),
        new("name", "事项名称", true, "name"),
        new("typeCode", "事项类型", true, "typeCode", "taskType"),
        new("regionCode", "行政区划", false, "regionCode", "areaCode"),
        new("departmentCode", "实施主体编码", false, "departmentCode", "deptCode"),
        new("departmentName", "实施主体", false, "departmentName", "department"),
        new("mainItemName", "主项名称", false, "mainItemName", "main_item"),
        new("aliases", "别名", false, "aliases"),
        new("exerciseLevels", "行使层级", false, "exerciseLevels"),
        new("legalBasis", "设定依据", false, "legalBasis"),
        new("conditions", "受理条件", false, "conditions"),
        new("serviceObjects", "服务对象", false, "serviceObjects"),
        new("handlingKind", "办件类型", false, "handlingKind"),
        new("statutoryLimitDays", "法定办结时限", false, "statutoryLimitDays"),
        new("promisedLimitDays", "承诺办结时限", false, "promisedLimitDays"),
        new("limitNote", "时限说明", false, "limitNote"),
        new("charged", "是否收费", false, "charged"),
        new("fees", "收费项目", false, "fees"),
        new("channels", "办理形式", false, "channels"),
        new("onlineDepth", "网上办理深度", false, "onlineDepth"),
        new("place", "办理地点", false, "place"),
        new("hours", "办理时间", false, "hours"),
        new("consultPhone", "咨询电话", false, "consultPhone"),
        new("complaintPhone", "监督电话", false, "complaintPhone"),
        new("visitsRequired", "到现场次数", false, "visitsRequired"),
        new("resultName", "结果名称", false, "resultName"),
        new("flags", "标签", false, "flags"),
        new("materials", "申请材料", false, "materials"),
        new("processSteps", "办理流程", false, "processSteps"),
        new("faqs", "常见问题", false, "faqs"),
    ];

    private static readonly Dictionary<string, string> ByHeader = All
        .SelectMany(c => c.Aliases.Append(c.Header).Append(c.Field).Select(h => (h, c.Field)))
        .DistinctBy(p => p.h, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(p => p.h, p => p.Field, StringComparer.OrdinalIgnoreCase);

    /// <summary>The field a header names, or null.</summary>
    public static string? FieldOf(string header) => ByHeader.TryGetValue(header.Trim().TrimStart('\uFEFF'), out var field) ? field : null;
}
