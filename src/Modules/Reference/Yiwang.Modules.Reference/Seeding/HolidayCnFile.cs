using System.Text.Json;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Domain;

namespace Yiwang.Modules.Reference.Seeding;

/// <summary>Parses one year's file in the holiday-cn format: <c>{"year":2024,"days":[{"name","date","isOffDay"}]}</c>.</summary>
internal static class HolidayCnFile
{
    public static Result<IReadOnlyList<HolidayDay>> Parse(Stream json)
    {
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            return Error.Validation("reference.calendar_not_utf8", "The file is not UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            return Error.Validation("reference.calendar_malformed_json", $"The file is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("year", out var yearElement) || !yearElement.TryGetInt32(out var year)
                || !root.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
            {
                return Error.Validation("reference.calendar_wrong_shape", "Expected an object with 'year' (number) and 'days' (array), as in holiday-cn.");
            }

            if (year is < 1990 or > 2100)
            {
                return Error.Validation("reference.calendar_wrong_year", "The year must be between 1990 and 2100.");
            }

            var result = new List<HolidayDay>();
            var index = 0;
            foreach (var day in days.EnumerateArray())
            {
                if (!day.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String
                    || !DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", out var date)
                    || !day.TryGetProperty("isOffDay", out var offElement) || offElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return Error.Validation("reference.calendar_bad_day", $"days[{index}] needs 'date' (yyyy-MM-dd) and 'isOffDay' (true/false).");
                }

                // holiday-cn lists a year's adjusted days, which may fall in the neighbouring year (e.g. a January make-up day).
                if (Math.Abs(date.Year - year) > 1)
                {
                    return Error.Validation("reference.calendar_bad_day", $"days[{index}] is far outside year {year}.");
                }

                var name = day.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "" : "";
                result.Add(HolidayDay.Create(date, offElement.GetBoolean(), name.Length > 32 ? name[..32] : name));
                index++;
            }

            return result;
        }
    }
}
