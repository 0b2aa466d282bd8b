namespace Yiwang.Modules.Catalog.Tests.Builders;

/// <summary>Request bodies for items, with sensible complete defaults.</summary>
internal static class AnItem
{
    public static object Guide(string name = "测试事项登记", int promised = 5, int statutory = 20, string type = "01", string[]? flags = null) => new
    {
        name,
        typeCode = type,
        aliases = new[] { "测试别名" },
        legalBasis = "《测试条例》第一条",
        conditions = "符合测试条件的申请人",
        serviceObjects = new[] { "1" },
        materials = new object[]
        {
            new { name = "申请表", required = true, form = "Original", count = 1 },
            new { name = "居民身份证", required = true, form = "Original", count = 1, replacedByLicenceType = "CN-SFZ" },
        },
        processSteps = new object[] { new { name = "受理", role = "窗口受理", limitDays = 0 }, new { name = "审查", role = "审批", limitDays = promised } },
        handlingKind = "Promise",
        statutoryLimitDays = statutory,
        promisedLimitDays = promised,
        channels = new[] { "window", "web" },
        onlineDepth = "FullyOnline",
        place = "政务服务中心1号窗口",
        hours = "工作日 9:00-17:00",
        consultPhone = "0826-1234567",
        complaintPhone = "12345",
        flags = flags ?? ["no-visit"],
    };

    public static object Create(string code, object? guide = null, string region = "511602", string department = "GA-SCJG") =>
        new { code, kind = "Implementation", regionCode = region, departmentCode = department, guide = guide ?? Guide() };
}
