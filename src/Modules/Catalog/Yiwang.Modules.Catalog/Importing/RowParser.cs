using System.Globalization;
using System.Text.Json;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;
using Yiwang.Modules.Catalog.Persistence;

namespace Yiwang.Modules.Catalog.Importing;

/// <summary>One imported row turned into an item and its guide, before placement checks.</summary>
internal sealed record ParsedRow(int Line, string Code, ItemKind Kind, string? BasicCode, string? RegionCode, string? DepartmentCode, string? DepartmentName, ItemGuide Guide);

/// <summary>A problem with one cell of one row.</summary>
/// <param name="Line">1-based line (or spreadsheet row) in the file; the header is line 1.</param>
/// <param name="Field">Field name.</param>
/// <param name="Reason">What is wrong.</param>
internal sealed record RowError(int Line, string Field, string Reason);

/// <summary>Turns a row of cells (field → text) into a <see cref="ParsedRow"/>, collecting every problem.</summary>
internal static class RowParser
{
    private static readonly char[] ListSeparators = ['；', ';', '|', '、'];

    public static ParsedRow? Parse(int line, IReadOnlyDictionary<string, string?> cells, List<RowError> errors)
    {
        var before = errors.Count;
        string? Cell(string field) => cells.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        void Fail(string field, string reason) => errors.Add(new RowError(line, field, reason));

        var code = Cell("code");
        if (code is null || !ServiceItem.IsValidCode(code))
        {
            Fail("code", "事项编码 is required: 2–64 letters, digits, '-', '_' or '.'.");
        }

        var region = Cell("regionCode");
        var department = Cell("departmentCode");
        var kind = Cell("kind") switch
        {
            null => region is not null || department is not null ? ItemKind.Implementation : ItemKind.Basic,
            "基本目录" or "Basic" or "basic" => ItemKind.Basic,
            "实施清单" or "Implementation" or "implementation" => ItemKind.Implementation,
            var other => Invalid<ItemKind>("kind", $"'{other}' is not 基本目录 or 实施清单.", Fail),
        };
        var basic = Cell("basicCode") ?? (kind == ItemKind.Implementation && code is not null && code.Contains('-') ? code[..code.IndexOf('-')] : null);

        var guide = new ItemGuide
        {
            Name = Cell("name") ?? "",
            TypeCode = TypeCode(Cell("typeCode"), Fail),
            MainItemName = Cell("mainItemName") is { } main && main != "未分类" ? main : null,
            Aliases = List(Cell("aliases")),
            ExerciseLevels = List(Cell("exerciseLevels")),
            LegalBasis = Cell("legalBasis"),
            Conditions = Cell("conditions"),
            ServiceObjects = List(Cell("serviceObjects")),
            HandlingKind = Cell("handlingKind") switch
            {
                null or "承诺件" or "Promise" or "2" => HandlingKind.Promise,
                "即办件" or "Instant" or "1" => HandlingKind.Instant,
                var other => Invalid<HandlingKind>("handlingKind", $"'{other}' is not 即办件 or 承诺件.", Fail),
            },
            StatutoryLimitDays = Int(Cell("statutoryLimitDays"), "statutoryLimitDays", Fail),
            PromisedLimitDays = Int(Cell("promisedLimitDays"), "promisedLimitDays", Fail),
            LimitNote = Cell("limitNote"),
            Charged = Cell("charged") switch
            {
                null or "否" or "0" or "false" or "False" => false,
                "是" or "1" or "true" or "True" => true,
                var other => Invalid<bool>("charged", $"'{other}' is not 是/否.", Fail),
            },
            Fees = Json<Fee>(Cell("fees"), "fees", Fail),
            Channels = List(Cell("channels")).Select(c => CodeTables.Channels.FirstOrDefault(p => p.Value == c).Key ?? c).ToList(),
            OnlineDepth = Depth(Cell("onlineDepth"), Fail),
            Place = Cell("place"),
            Hours = Cell("hours"),
            ConsultPhone = Cell("consultPhone"),
            ComplaintPhone = Cell("complaintPhone"),
            VisitsRequired = Int(Cell("visitsRequired"), "visitsRequired", Fail),
            ResultName = Cell("resultName"),
            Flags = List(Cell("flags")).Select(f => ItemFlags.Labels.FirstOrDefault(p => p.Value == f).Key ?? f).ToList(),
            Materials = Json<Material>(Cell("materials"), "materials", Fail),
            ProcessSteps = Json<ProcessStep>(Cell("processSteps"), "processSteps", Fail),
            Faqs = Json<Faq>(Cell("faqs"), "faqs", Fail),
        };

        foreach (var problem in GuideRules.Check(guide))
        {
            if (!errors.Skip(before).Any(e => e.Field == problem.Field))
            {
                Fail(problem.Field, problem.Reason);
            }
        }

        if (kind == ItemKind.Implementation && (region is null || department is null))
        {
            Fail(region is null ? "regionCode" : "departmentCode", "An implementation item (实施清单) needs 行政区划 and 实施主体编码.");
        }

        return errors.Count > before ? null : new ParsedRow(line, code!, kind, basic, region, department, Cell("departmentName"), guide);
    }

    private static string TypeCode(string? value, Action<string, string> fail)
    {
        if (value is null)
        {
            fail("typeCode", "事项类型 is required.");
            return "";
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and < 100)
        {
            return n.ToString("00", CultureInfo.InvariantCulture);
        }

        return CodeTables.ItemTypes.FirstOrDefault(p => p.Value == value).Key ?? value;
    }

    private static OnlineDepth Depth(string? value, Action<string, string> fail)
    {
        if (value is null)
        {
            return OnlineDepth.None;
        }

        if (Enum.TryParse<OnlineDepth>(value, true, out var depth) && !int.TryParse(value, out _))
        {
            return depth;
        }

        var byLabel = CodeTables.OnlineDepths.FirstOrDefault(p => p.Value == value);
        if (byLabel.Value is not null)
        {
            return byLabel.Key;
        }

        fail("onlineDepth", $"'{value}' is not an online depth (e.g. 全程网办).");
        return OnlineDepth.None;
    }

    private static int? Int(string? value, string field, Action<string, string> fail)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        fail(field, $"'{value}' is not a whole number.");
        return null;
    }

    private static List<string> List(string? value) =>
        value is null ? [] : [.. value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<T> Json<T>(string? value, string field, Action<string, string> fail)
    {
        if (value is null)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<T>>(value, CatalogDbContext.GuideJson) ?? [];
        }
        catch (JsonException e)
        {
            fail(field, $"Not a JSON array of the expected shape: {e.Message}");
            return [];
        }
    }

    private static T Invalid<T>(string field, string reason, Action<string, string> fail)
    {
        fail(field, reason);
        return default!;
    }
}
