using Microsoft.EntityFrameworkCore;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Quality;

/// <summary>
/// Data quality of a resource kept in the store (数据质量): completeness of required items, validity of typed values (ID
/// numbers by GB 11643, credit codes by GB 32100, dates, numbers, phones) and freshness against the update cycle.
/// Resources served from a provider's API are not held here; their report has no records and only freshness is unknown.
/// </summary>
internal sealed class QualityCheck(SharingDbContext db, TimeProvider clock)
{
    public async Task<QualityReport?> ReportAsync(string code, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code.ToUpperInvariant(), ct);
        if (resource is null)
        {
            return null;
        }

        long requiredCells = 0, filled = 0, typedCells = 0, valid = 0;
        var missing = resource.Items.ToDictionary(i => i.Name, _ => 0);
        var malformed = resource.Items.ToDictionary(i => i.Name, _ => 0);
        var count = 0;
        await foreach (var values in db.Records.AsNoTracking().Where(r => r.ResourceId == resource.Id).Select(r => r.Values).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            foreach (var item in resource.Items)
            {
                var value = values.GetValueOrDefault(item.Name);
                if (item.Required)
                {
                    requiredCells++;
                    if (string.IsNullOrEmpty(value))
                    {
                        missing[item.Name]++;
                    }
                    else
                    {
                        filled++;
                    }
                }

                if (!string.IsNullOrEmpty(value) && item.Type != ItemType.Text && item.Type != ItemType.PersonName)
                {
                    typedCells++;
                    if (IsValid(item.Type, value))
                    {
                        valid++;
                    }
                    else
                    {
                        malformed[item.Name]++;
                    }
                }
            }
        }

        var cycle = DataResource.Cycles.GetValueOrDefault(resource.UpdateCycle, TimeSpan.MaxValue);
        var fresh = resource.LoadedAtUtc is { } loaded && (cycle == TimeSpan.MaxValue || clock.GetUtcNow().UtcDateTime - loaded <= cycle);
        return new QualityReport(resource.Code, count, requiredCells == 0 ? 1 : (double)filled / requiredCells, typedCells == 0 ? 1 : (double)valid / typedCells,
            fresh, resource.LoadedAtUtc,
            [.. resource.Items.Where(i => missing[i.Name] + malformed[i.Name] > 0).Select(i => new ItemQuality(i.Name, missing[i.Name], malformed[i.Name]))]);
    }

    public static bool IsValid(ItemType type, string value) => type switch
    {
        ItemType.IdNumber => ResidentIdNumber.IsValid(value),
        ItemType.CreditCode => UnifiedSocialCreditCode.IsValid(value),
        ItemType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _),
        ItemType.Integer => long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _),
        ItemType.Decimal => decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _),
        ItemType.Phone => value.Length == 11 && value[0] == '1' && value.All(char.IsAsciiDigit),
        _ => true,
    };
}
