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
