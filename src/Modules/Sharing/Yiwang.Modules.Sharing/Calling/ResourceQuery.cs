using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Persistence;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Evidence;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Calling;

/// <summary>
/// A lookup by a consumer system (共享调用): it must hold an active grant for the resource, state its purpose and, for
/// personal items, the case or ticket it serves, filter on key items only, and ask only for granted items. The hub
/// reads the records, keeps the asked-for items, masks the grant's masked items, and writes the evidence record, which
/// also counts the call against the grant's daily quota, before anything is returned. Refusals are logged as well.
/// </summary>
internal sealed partial class ResourceQuery(
    SharingDbContext db, SharingAccess access, GrantCache grants, RecordReader records, EvidenceLog log, SubjectDigests subjects, UpstreamSource upstream,
    IOptions<SharingOptions> options, TimeProvider clock)
{
    [GeneratedRegex(@"^[\p{L}\p{Nd}\-]{1,64}$")]
    private static partial Regex FilterValue();

    public async Task<Result<QueryAnswer>> QueryAsync(ClaimsPrincipal user, string code, QueryInput input, CancellationToken ct)
    {
        if (access.SystemOf(user) is not { } system)
        {
            return SharingErrors.NotSystem;
        }

        code = (code.Length > 40 ? code[..40] : code).ToUpperInvariant();
        var known = await grants.GetAsync(db, code, system.ClientId, ct);
        var resource = known.Resource;
        var purpose = input.Purpose?.Trim() ?? "";
        var caseRef = input.CaseRef?.Trim();
        var asked = input.Items is { Count: > 0 } wanted ? string.Join(',', wanted.Take(100)) : "*";
        EvidenceEntry Refusal(Error error, string provider) => new(system.ClientId, system.DepartmentCode, provider, code, Cut(asked, 2000), Cut(purpose, 200),
            caseRef is null ? null : Cut(caseRef, 60), [], error.Code, 0);

        async Task<Error> Refuse(Error error, string provider = "")
        {
            try
            {
                await log.AppendAsync(Refusal(error, provider));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The refusal stands whether or not it could be logged; nothing is served either way.
            }

            return error;
        }

        if (resource is null)
        {
            return await Refuse(SharingErrors.ResourceNotFound);
        }

        var provider = resource.ProviderDepartmentCode;
        var grant = known.Grant;
        if (grant is null)
        {
            return await Refuse(SharingErrors.NoGrant, provider);
        }

        var now = clock.GetUtcNow();
        if (!grant.IsActive(now))
        {
            return await Refuse(SharingErrors.GrantExpired, provider);
        }

        var items = input.Items is { Count: > 0 } ? input.Items.Distinct().ToList() : grant.Items;
        if (items.Any(i => !grant.Items.Contains(i)))
        {
            return await Refuse(SharingErrors.ItemsNotGranted, provider);
        }

        if (purpose.Length is 0 or > 200)
        {
            return await Refuse(SharingErrors.PurposeRequired, provider);
        }

        if ((items.Any(i => resource.Item(i)?.Personal == true) && caseRef is not { Length: > 0 }) || caseRef?.Length > 60)
        {
            return await Refuse(SharingErrors.CaseRequired, provider);
        }

        if (Filters(resource, input.Filters) is not { } filters)
        {
            return await Refuse(SharingErrors.InvalidFilter, provider);
        }

        var max = options.Value.MaxRecords;
        List<IReadOnlyDictionary<string, string?>> answer = [];
        var unreadable = false;
        EvidenceEntry Served(List<Dictionary<string, string?>> rows)
        {
            rows = rows.Take(max).ToList();
            var people = rows.SelectMany(r => resource.Items.Where(i => i.Type == ItemType.IdNumber && r.GetValueOrDefault(i.Name) is { Length: > 0 }).Select(i => r[i.Name]!))
                .Distinct().Take(50).Select(subjects.Of).ToList();
            answer = rows.Select(row => (IReadOnlyDictionary<string, string?>)items.ToDictionary(i => i, i =>
                grant.MaskedItems.Contains(i) ? Masking.Mask(resource.Item(i)!.Type, row.GetValueOrDefault(i)) : row.GetValueOrDefault(i))).ToList();
            return new EvidenceEntry(system.ClientId, system.DepartmentCode, provider, resource.Code, Cut(string.Join(',', items), 2000),
                purpose, caseRef, people, "ok", answer.Count, grant.Id, grant.DailyQuota);
        }

        Task<Appended> logged;
        if (resource.Source == SourceKind.Store && log.ReadsRecords)
        {
            // PostgreSQL: the records are read in the transaction that logs the lookup, in the round trip that locks the
            // chain head, so a lookup costs no round trip of its own. What it makes of them is made there too; whatever
            // goes wrong making it (a stored record that cannot be parsed) is logged as this lookup's refusal rather
            // than failing the lookups it is batched with.
            var (field, value) = filters.First();
            logged = log.AppendAfterReadAsync(new ReadThenLog(resource.Id, field, value, max * 4, grant.Id, found =>
            {
                try
                {
                    return Served(Matching(found.Select(JsonColumns.Read<Dictionary<string, string?>>), filters, max));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    unreadable = true;
                    return Refusal(SharingErrors.RecordsUnreadable, provider);
                }
            }));
        }
        else
        {
            List<Dictionary<string, string?>>? rows;
            if (resource.Source == SourceKind.Http)
            {
                rows = await upstream.FetchAsync(resource, filters, max, ct);
                if (rows is null)
                {
                    return await Refuse(SharingErrors.UpstreamUnavailable, provider);
                }
            }
            else
            {
                try
                {
                    rows = await ReadStoreAsync(resource, filters, max, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    return await Refuse(SharingErrors.RecordsUnreadable, provider);
                }
            }

            logged = log.AppendAsync(Served(rows));
        }

        Appended appended;
        try
        {
            appended = await logged;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return SharingErrors.EvidenceUnavailable; // fail closed: no evidence, no data
        }

        if (unreadable)
        {
            return SharingErrors.RecordsUnreadable;
        }

        return appended.WithinQuota ? new QueryAnswer(resource.Code, appended.Seq, answer) : SharingErrors.QuotaExceeded;
    }

    /// <summary>One to three filters, each on a key item, with a plain value; anything else is refused before it reaches a query.</summary>
    private static Dictionary<string, string>? Filters(DataResource resource, IReadOnlyDictionary<string, string?>? given)
    {
        if (given is not { Count: >= 1 and <= 3 })
        {
            return null;
        }

        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, value) in given)
        {
            if (resource.Item(field) is not { Key: true } || value is null || !FilterValue().IsMatch(value))
            {
                return null;
            }

            filters[field] = value;
        }

        return filters;
    }

    private async Task<List<Dictionary<string, string?>>> ReadStoreAsync(DataResource resource, Dictionary<string, string> filters, int max, CancellationToken ct)
    {
        var (field, value) = filters.First();
        return Matching(await records.ReadAsync(resource.Id, field, value, max * 4, ct), filters, max);
    }

    /// <summary>The records read by the first filter that match the others too (one more than served, to know there are more).</summary>
    private static List<Dictionary<string, string?>> Matching(IEnumerable<Dictionary<string, string?>> found, Dictionary<string, string> filters, int max) =>
        found.Where(values => filters.All(f => values.GetValueOrDefault(f.Key) == f.Value)).Take(max + 1).ToList();

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
