using Shouldly;
using Xunit;
using Yiwang.Modules.Hotline.Dispatch;

namespace Yiwang.Modules.Hotline.Tests.Dispatch;

public sealed class MessageCsvTests
{
    [Fact]
    public void Messages_are_read_by_column_name_and_rows_without_label_or_text_are_skipped()
    {
        const string csv = "编号,留言主题,留言详情,一级分类\n1,路灯不亮,\"小区门口路灯坏了，晚上很黑\",城乡建设\n2,,,交通运输\n3,公交改线,,交通运输\n4,无分类,内容,\n";

        var read = MessageCsv.Read(new StringReader(csv), new MessageCsv.Columns());

        read.IsFailure.ShouldBeFalse();
        read.Value!.Messages.Select(m => m.Label).ShouldBe(["城乡建设", "交通运输"]);
        read.Value.Messages[0].Text.ShouldBe("小区门口路灯坏了，晚上很黑");
        read.Value.Skipped.ShouldBe(2);
    }

    [Fact]
    public void Other_column_names_can_be_named_and_a_missing_column_is_refused_with_a_stable_code()
    {
        const string csv = "subject,body,category\n噪音扰民,夜间施工,环境保护\n";

        var named = MessageCsv.Read(new StringReader(csv), new MessageCsv.Columns("subject", "body", "category"));
        var defaults = MessageCsv.Read(new StringReader(csv), new MessageCsv.Columns());

        named.Value!.Messages.ShouldHaveSingleItem().Label.ShouldBe("环境保护");
        defaults.Error!.Code.ShouldBe("hotline.csv_missing_columns");
    }
}
