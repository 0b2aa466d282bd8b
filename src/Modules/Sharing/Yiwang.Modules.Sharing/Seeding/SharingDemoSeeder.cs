using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Seeding;

/// <summary>
/// Demo catalogue: 广安区市场监管局 publishes its register of individual businesses (个体工商户登记信息, conditional, with
/// personal items, one of them about the demo citizen 张广安) and its directory of market entities (市场主体名录, unconditional).
/// 武侯区民政局 (data admin WH-DATA, system wh-mz-marriage) can request them.
/// </summary>
internal sealed class SharingDemoSeeder(SharingDbContext db, TimeProvider clock) : IDemoSeeder
{
    public const string RegisterCode = "511602-SCJG-GTGSH";
    public const string DirectoryCode = "511602-SCJG-SCZT";

    public int Order => 170;

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        if (await db.Resources.AnyAsync(r => r.Code == RegisterCode, ct))
        {
            return "sharing: demo resources already there.";
        }

        var now = clock.GetUtcNow();
        var register = DataResource.Publish(Ids.New(clock), RegisterCode, "GA-SCJG", now);
        register.Describe(new ValidResource(RegisterCode, "个体工商户登记信息", "广安区个体工商户的登记信息：名称、经营者、经营场所与成立日期。", "法人单位", RegisterItems, "每日",
            ShareType.Conditional, "限办理与个体工商户有关的政务服务事项使用", null, OpenType.NotOpen, SourceKind.Store, null), now);
        var directory = DataResource.Publish(Ids.New(clock), DirectoryCode, "GA-SCJG", now);
        directory.Describe(new ValidResource(DirectoryCode, "市场主体名录", "广安区市场主体的名称、统一社会信用代码、住所与登记状态。", "法人单位",
        [
            new("creditCode", "统一社会信用代码", ItemType.CreditCode, 18, 1, false, false, true, true),
            new("name", "名称", ItemType.Text, 100, 1, false, false, false, true),
            new("address", "住所", ItemType.Text, 200, 1, false, false, false, false),
            new("status", "登记状态", ItemType.Text, 10, 1, false, false, false, true),
        ], "每日", ShareType.Unconditional, null, null, OpenType.Open, SourceKind.Store, null), now);
        db.Resources.AddRange(register, directory);

        var businesses = new (string Name, string Operator, string IdNumber, string Phone, string Address, string Since)[]
        {
            ("广安区张记小吃店", "张广安", "511602199003071232", "13800000001", "广安区建设路18号", "2021-05-12"),
            ("广安区李氏五金店", "李明", "511602198807150011", "13900000011", "广安区兴平路6号", "2019-09-03"),
            ("广安区陈家茶铺", "陈芳", "511602199202180028", "13700000021", "广安区思源广场3号", "2023-02-20"),
        };
        var i = 0;
        foreach (var b in businesses)
        {
            var first17 = $"92511602MA6{i++:D3}TG0";
            var credit = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
            var values = new Dictionary<string, string?>
            {
                ["creditCode"] = credit, ["businessName"] = b.Name, ["operatorName"] = b.Operator, ["operatorIdNumber"] = b.IdNumber,
                ["phone"] = b.Phone, ["address"] = b.Address, ["registeredOn"] = b.Since,
            };
            Add(register, values, now);
            Add(directory, new Dictionary<string, string?> { ["creditCode"] = credit, ["name"] = b.Name, ["address"] = b.Address, ["status"] = "存续" }, now);
        }

        register.Loaded(businesses.Length, now);
        directory.Loaded(businesses.Length, now);
        await db.SaveChangesAsync(ct);
        return $"sharing: demo resources {RegisterCode} (个体工商户登记信息, conditional) and {DirectoryCode} (市场主体名录, unconditional) of 广安区市场监管局; data admins GA-DATA and WH-DATA.";
    }

    private static readonly DataItem[] RegisterItems =
    [
        new("creditCode", "统一社会信用代码", ItemType.CreditCode, 18, 1, false, false, true, true),
        new("businessName", "名称", ItemType.Text, 100, 1, false, false, false, true),
        new("operatorName", "经营者姓名", ItemType.PersonName, 50, 2, true, true, false, true),
        new("operatorIdNumber", "经营者身份证号", ItemType.IdNumber, 18, 3, true, true, true, true),
        new("phone", "联系电话", ItemType.Phone, 11, 3, true, true, false, false),
        new("address", "经营场所", ItemType.Text, 200, 1, false, false, false, false),
        new("registeredOn", "成立日期", ItemType.Date, 10, 1, false, false, false, true),
    ];

    private void Add(DataResource resource, Dictionary<string, string?> values, DateTimeOffset now)
    {
        var record = DataRecord.Create(Ids.New(clock), resource.Id, values[resource.PrimaryKey.Name]!, values, now);
        db.Records.Add(record);
        db.RecordKeys.AddRange(record.KeyEntries(resource));
    }
}
