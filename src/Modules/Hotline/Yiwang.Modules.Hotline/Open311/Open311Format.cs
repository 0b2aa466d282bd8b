using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Yiwang.Modules.Hotline.Open311;

/// <summary>
/// GeoReport v2 answers in the format the path asks for (<c>.json</c> or <c>.xml</c>): a list of flat objects with
/// snake_case fields, the XML root and element names of the specification, and errors as its list of code and
/// description with the matching HTTP status.
/// </summary>
internal static class Open311Format
{
    public static bool IsKnown(string format) => format is "json" or "xml";

    public static IResult List(string format, string root, string element, IEnumerable<IReadOnlyDictionary<string, object?>> items, int status = 200)
    {
        if (format == "xml")
        {
            var document = new XElement(root, items.Select(item => new XElement(element,
                item.Select(field => new XElement(field.Key, field.Value is null ? "" : Text(field.Value))))));
            return Results.Text(new XDeclaration("1.0", "utf-8", null) + "\n" + document, "text/xml; charset=utf-8", Encoding.UTF8, status);
        }

        return Results.Json(items, statusCode: status);
    }

    /// <summary>A service definition with one optional single-value-list attribute, in the specification's nesting.</summary>
    public static IResult Definition(string format, string serviceCode, string attribute, string description, IReadOnlyList<(string Key, string Name)> values)
    {
        if (format == "xml")
        {
            var document = new XElement("service_definition",
                new XElement("service_code", serviceCode),
                new XElement("attributes", new XElement("attribute",
                    new XElement("variable", "true"), new XElement("code", attribute), new XElement("datatype", "singlevaluelist"),
                    new XElement("required", "false"), new XElement("datatype_description", ""), new XElement("order", 1),
                    new XElement("description", description),
                    new XElement("values", values.Select(v => new XElement("value", new XElement("key", v.Key), new XElement("name", v.Name)))))));
            return Results.Text(new XDeclaration("1.0", "utf-8", null) + "\n" + document, "text/xml; charset=utf-8", Encoding.UTF8);
        }

        return Results.Json(new Dictionary<string, object?>
        {
            ["service_code"] = serviceCode,
            ["attributes"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["variable"] = true, ["code"] = attribute, ["datatype"] = "singlevaluelist", ["required"] = false, ["datatype_description"] = null,
                    ["order"] = 1, ["description"] = description,
                    ["values"] = values.Select(v => new Dictionary<string, string> { ["key"] = v.Key, ["name"] = v.Name }).ToList(),
                },
            },
        });
    }

    public static IResult Error(string format, int status, string description) =>
        List(format is "xml" ? "xml" : "json", "errors", "error", [new Dictionary<string, object?> { ["code"] = status, ["description"] = description }], status);

    /// <summary>W3C date-time in China Standard Time, as the specification asks for local time with its offset.</summary>
    public static string? Time(DateTime? utc) =>
        utc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null;

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
