namespace Yiwang.Modules.Hotline.Open311;

/// <summary>
/// The services an Open311 client may file under: the fifteen first-level categories of the default taxonomy (the
/// published 12345 category tree), each with a stable ASCII code. A service is a category: a ticket filed under it is
/// dispatched to the department the routing table names for that category and region.
/// </summary>
internal static class Open311Services
{
    public sealed record Service(string Code, string Name, string Group, string Description);

    public static readonly IReadOnlyList<Service> All =
    [
        new("cxjs", "城乡建设", "城市管理", "物业、住房、市政设施、园林绿化、环卫、安全生产"),
        new("jtys", "交通运输", "城市管理", "公交、出租车、道路交通、停车"),
        new("hjbh", "环境保护", "城市管理", "噪声、废气、污水、固体废物"),
        new("ldsb", "劳动和社会保障", "民生服务", "就业、工资、社会保险"),
        new("jywt", "教育文体", "民生服务", "学校、招生、文化、体育"),
        new("wsjs", "卫生计生", "民生服务", "医疗、卫生、计划生育"),
        new("mz", "民政", "民生服务", "救助、养老、婚姻、社区"),
        new("smly", "商贸旅游", "经济发展", "市场、消费、旅游"),
        new("jjgl", "经济管理", "经济发展", "企业、税费、价格"),
        new("gtzy", "国土资源", "经济发展", "土地、矿产、不动产"),
        new("nync", "农村农业", "经济发展", "农业生产、农村事务"),
        new("kjxx", "科技与信息产业", "经济发展", "科技、通信、网络"),
        new("zf", "政法", "社会治理", "治安、消防、司法"),
        new("dwzw", "党务政务", "社会治理", "政务服务、机关作风"),
        new("jjjc", "纪检监察", "社会治理", "违纪违法线索"),
    ];

    public static Service? Find(string? code) => All.FirstOrDefault(s => s.Code == code);

    public static Service? ForCategory(string? category) => All.FirstOrDefault(s => s.Name == category);
}
