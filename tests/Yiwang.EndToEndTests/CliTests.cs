using System.Text;
using MiniExcelLibs;
using Shouldly;
using Xunit;
using Yiwang.Host.Cli;

namespace Yiwang.EndToEndTests;

/// <summary>The yiwang command line, run in process on a temporary data directory (SQLite).</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "yiwang-cli-" + Guid.NewGuid().ToString("N")[..8]);

    private string File(string name, string content)
    {
        Directory.CreateDirectory(_data);
        var path = Path.Combine(_data, name);
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Seeding_then_exporting_writes_a_workbook_of_the_whole_catalogue()
    {
        var output = Path.Combine(_data, "catalog.xlsx");

        var seeded = await YiwangCli.RunAsync(["seed-demo", "--data", _data]);
        var exported = await YiwangCli.RunAsync(["catalog", "export", output, "--data", _data]);

        seeded.ShouldBe(0);
        exported.ShouldBe(0);
        MiniExcel.Query(output, useHeaderRow: true).Count().ShouldBe(1175);
    }

    [Fact]
    public async Task The_dispatch_model_is_trained_from_a_csv_saved_evaluated_and_bad_input_gets_a_non_zero_exit()
    {
        var rows = string.Join('\n', Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? $"{i},路灯不亮{i},小区路灯坏了{i}天,城乡建设" : $"{i},公交改线{i},公交线路调整第{i}次,交通运输"));
        var csv = File("messages.csv", "编号,留言主题,留言详情,一级分类\n" + rows + "\n");
        var renamed = File("renamed.csv", "id,subject,body,category\n" + rows + "\n");
        var model = Path.Combine(_data, "model");

        var trained = await YiwangCli.RunAsync(["hotline", "train", "--input", csv, "--model", model, "--data", _data]);
        var evaluated = await YiwangCli.RunAsync(["hotline", "evaluate", "--input", renamed, "--model", model, "--title-column", "subject", "--text-column", "body", "--label-column", "category", "--data", _data]);
        var wrongColumns = await YiwangCli.RunAsync(["hotline", "evaluate", "--input", renamed, "--model", model, "--data", _data]);
        var noModel = await YiwangCli.RunAsync(["hotline", "evaluate", "--input", csv, "--model", Path.Combine(_data, "none"), "--data", _data]);
        var noInput = await YiwangCli.RunAsync(["hotline", "train", "--model", model, "--data", _data]);

        trained.ShouldBe(0);
        System.IO.File.Exists(Path.Combine(model, "model.zip")).ShouldBeTrue();
        evaluated.ShouldBe(0);
        wrongColumns.ShouldBe(1);
        noModel.ShouldBe(1);
        noInput.ShouldBe(2);
    }

    [Fact]
    public async Task Importing_a_file_with_a_bad_row_fails_and_with_partial_keeps_the_good_row()
    {
        var csv = File("items.csv", "事项编码,事项名称,事项类型,行政区划,实施主体编码,实施主体\nCLI-1,命令行导入,01,511602,CLI-D,命令行测试局\nCLI-2,坏行,99,511602,CLI-D,命令行测试局\n");
        var output = Path.Combine(_data, "after.csv");

        var strict = await YiwangCli.RunAsync(["catalog", "import", csv, "--register-departments", "--data", _data]);
        var partial = await YiwangCli.RunAsync(["catalog", "import", csv, "--partial", "--register-departments", "--data", _data]);
        await YiwangCli.RunAsync(["catalog", "export", output, "--data", _data]);

        strict.ShouldBe(1);
        partial.ShouldBe(0);
        var exported = await System.IO.File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        exported.ShouldContain("CLI-1");
        exported.ShouldNotContain("CLI-2");
    }

    [Fact]
    public async Task A_calendar_year_is_imported_from_a_holiday_cn_file()
    {
        var file = File("2032.json", """{"year":2032,"days":[{"name":"元旦","date":"2032-01-01","isOffDay":true}]}""");

        var imported = await YiwangCli.RunAsync(["calendar", "import", file, "--data", _data]);
        var missing = await YiwangCli.RunAsync(["calendar", "import", Path.Combine(_data, "none.json"), "--data", _data]);

        imported.ShouldBe(0);
        missing.ShouldBe(2);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("catalog", "import", "--help")]
    [InlineData("calendar", "import", "--help")]
    [InlineData("seed-demo", "--help")]
    [InlineData("serve", "--help")]
    public async Task Every_verb_explains_itself(params string[] args)
    {
        (await YiwangCli.RunAsync([.. args, "--data", _data])).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_verb_is_a_usage_error()
    {
        (await YiwangCli.RunAsync(["frobnicate", "--data", _data])).ShouldBe(2);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
