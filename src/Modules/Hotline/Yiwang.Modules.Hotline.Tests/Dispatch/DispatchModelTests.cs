using Shouldly;
using Xunit;
using Yiwang.Modules.Hotline.Dispatch;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.Dispatch;

public sealed class DispatchModelTests
{
    private static readonly LabelledMessage[] Small =
    [
        new("小区路灯不亮", "小区门口的路灯坏了一个月，晚上出行不安全", "城乡建设"),
        new("楼道灯坏了", "单元楼道灯长期不亮，请物业维修", "城乡建设"),
        new("道路施工围挡占道", "施工围挡占用人行道，行人只能走机动车道", "城乡建设"),
        new("公交线路调整", "希望恢复原来的公交线路，现在换乘很不方便", "交通运输"),
        new("公交车不按站停靠", "公交车经常不进站停车，乘客上车很危险", "交通运输"),
        new("出租车拒载", "晚上打车出租车司机拒载还绕路", "交通运输"),
        new("学校乱收费", "学校要求学生统一购买教辅资料并收取费用", "教育文体"),
        new("幼儿园入园难", "附近幼儿园学位不足，孩子无法入园", "教育文体"),
        new("学校食堂卫生差", "学校食堂饭菜不卫生，学生吃了拉肚子", "教育文体"),
    ];

    [Fact]
    public void A_trained_model_ranks_every_category_and_puts_the_matching_one_first()
    {
        var model = DispatchModel.Train(Small, TimeProvider.System);

        var ranked = model.Score("公交站台", "公交车到站不停车，乘客等了很久");

        ranked.Select(r => r.Category).Order().ShouldBe(["交通运输", "城乡建设", "教育文体"]);
        ranked[0].Category.ShouldBe("交通运输");
        ranked.Sum(r => r.Confidence).ShouldBe(1.0, 0.01);
        model.Info.TrainedOn.ShouldBe(Small.Length);
    }

    [Fact]
    public void A_saved_model_loads_back_and_scores_the_same()
    {
        var model = DispatchModel.Train(Small, TimeProvider.System);
        var directory = Directory.CreateTempSubdirectory("hotline-model-").FullName;

        model.Save(directory);
        var loaded = DispatchModel.Load(directory)!;

        loaded.Score("路灯", "路灯坏了").ShouldBe(model.Score("路灯", "路灯坏了"));
        DispatchModel.Load(Path.Combine(directory, "nothing-here")).ShouldBeNull();
    }

    [Fact]
    public void On_real_citizen_messages_a_model_trained_on_four_fifths_classifies_the_rest_well()
    {
        var path = RepositoryPaths.SharedData("hotline/messages_sample_495.csv");
        Assert.SkipWhen(path is null, "../shared/data/hotline is not beside the repository");
        var messages = MessageCsv.Read(path!, new MessageCsv.Columns()).Value!.Messages;

        // One stratified hold-out (every fifth message of each category), trained once: the full cross-validation is the
        // benchmark's job (docs/benchmarks.md); here a single split keeps the test light on a shared two-core machine.
        var held = messages.GroupBy(m => m.Label).SelectMany(g => g.Where((_, i) => i % 5 == 0)).ToHashSet();
        var model = DispatchModel.Train([.. messages.Where(m => !held.Contains(m))], TimeProvider.System);
        var report = ClassificationReport.Of([.. held.Select(m => (m.Label, model.Score(m.Title, m.Text)[0].Category))]);

        report.N.ShouldBe(held.Count);
        report.MacroF1.ShouldBeGreaterThan(0.75);
    }
}
