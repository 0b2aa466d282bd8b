using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Objections;

/// <summary>
/// Data objections (数据异议): a department that holds a grant for the resource, or the person the record is about,
/// flags one value as wrong; the provider's data admin corrects it (the record changes, the old value stays on the
/// objection) or explains why it stands, within <c>Sharing:ObjectionWorkingDays</c> working days.
/// </summary>
internal sealed class DataObjections(
    SharingDbContext db, SharingAccess access, IIdentityApi identity, IWorkingDayCalendar calendar, IOptions<SharingOptions> options, IActorAccessor actors, TimeProvider clock)
{
    public async Task<Result<ObjectionView>> RaiseAsync(ClaimsPrincipal user, string code, ObjectionInput input, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code.ToUpperInvariant(), ct);
        if (resource is null)
        {
            return SharingErrors.ResourceNotFound;
        }

        var key = input.RecordKey?.Trim() ?? "";
        var record = key.Length is > 0 and <= 64 ? await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.ResourceId == resource.Id && r.RecordKey == key, ct) : null;
        var reason = input.Reason?.Trim() ?? "";
        if (record is null || input.Item is null || resource.Item(input.Item) is null || reason.Length is 0 or > 500 || input.ProposedValue?.Length > 500)
        {
            return SharingErrors.InvalidObjection;
        }

        string raisedBy;
        if (access.DataAdminDepartment(user) is { Length: > 0 } department)
        {
            var holds = await db.Requests.AnyAsync(r => r.ResourceId == resource.Id && r.ConsumerDepartmentCode == department && r.State == RequestState.Granted, ct);
            if (!holds && !access.IsPlatformAdmin(user))
            {
                return SharingErrors.NotConcerned;
            }

            raisedBy = department;
        }
        else if (access.AccountOf(user) is { } account && await identity.ProfileAsync(account, ct) is { IdNumber: { Length: > 0 } idNumber }
                 && resource.Items.Any(i => i.Type == ItemType.IdNumber && string.Equals(record.Values.GetValueOrDefault(i.Name), idNumber, StringComparison.OrdinalIgnoreCase)))
        {
            raisedBy = "person:" + account;
        }
        else
        {
            return SharingErrors.NotConcerned;
        }

        var now = clock.GetUtcNow();
        var objection = DataObjection.Raise(Ids.New(clock), resource, key, input.Item, record.Values.GetValueOrDefault(input.Item), input.ProposedValue?.Trim(), reason,
            raisedBy, now, calendar.AddWorkingDays(now, options.Value.ObjectionWorkingDays).UtcDateTime);
        db.Objections.Add(objection);
        db.Audit.Add(AuditEntry.Record(actors.Current, "sharing.objection_raised", resource.Code, $"{key}.{input.Item}", clock));
        await db.SaveChangesAsync(ct);
        return View(objection, now);
    }

    public async Task<Result<ObjectionView>> AnswerAsync(ClaimsPrincipal user, Guid id, ObjectionAnswerInput input, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is null)
        {
            return SharingErrors.NotDataAdmin;
        }

        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (objection is null || !access.ActsFor(user, objection.ProviderDepartmentCode))
        {
            return SharingErrors.ObjectionNotFound;
        }

        var resource = await db.Resources.FirstAsync(r => r.Id == objection.ResourceId, ct);
        var item = resource.Item(objection.Item);
        var explanation = input.Explanation?.Trim() ?? "";
        var correct = input.Correct == true;
        if (input.Correct is null || explanation.Length > 500 || (!correct && explanation.Length == 0)
            || (correct && (item is null || input.Value is not { Length: > 0 } || input.Value.Length > item.Length)))
        {
            return SharingErrors.InvalidAnswer;
        }

        var now = clock.GetUtcNow();
        var resolved = objection.Resolve(correct, correct ? $"更正为 {input.Value}{(explanation.Length > 0 ? "：" + explanation : "")}" : explanation, SharingAccess.Name(user), now);
        if (resolved.IsFailure)
        {
            return resolved.Error!;
        }

        // One transaction: the key index changes only if the correction and the objection's answer are saved with it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (correct)
        {
            var record = await db.Records.FirstOrDefaultAsync(r => r.ResourceId == resource.Id && r.RecordKey == objection.RecordKey, ct);
            if (record is null || (item!.Key && item == resource.PrimaryKey))
            {
                return SharingErrors.InvalidAnswer;
            }

            record.Set(item.Name, input.Value!.Trim(), now);
            if (item.Key)
            {
                await db.RecordKeys.Where(k => k.RecordId == record.Id && k.Field == item.Name).ExecuteDeleteAsync(ct);
                db.RecordKeys.AddRange(record.KeyEntries(resource).Where(k => k.Field == item.Name));
            }
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, correct ? "sharing.objection_corrected" : "sharing.objection_explained", objection.ResourceCode,
            $"{objection.RecordKey}.{objection.Item}", clock));
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SharingErrors.StaleRevision;
        }

        return View(objection, now);
    }

    public async Task<IReadOnlyList<ObjectionView>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var query = db.Objections.AsNoTracking();
        if (access.IsPlatformAdmin(user))
        {
        }
        else if (access.DataAdminDepartment(user) is { Length: > 0 } department)
        {
            query = query.Where(o => o.ProviderDepartmentCode == department || o.RaisedBy == department);
        }
        else if (access.AccountOf(user) is { } account)
        {
            var me = "person:" + account;
            query = query.Where(o => o.RaisedBy == me);
        }
        else
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var rows = await query.OrderByDescending(o => o.RaisedAtUtc).Take(200).ToListAsync(ct);
        return [.. rows.Select(o => View(o, now))];
    }

    private static ObjectionView View(DataObjection o, DateTimeOffset now) => new(
        o.Id, o.ResourceCode, o.RecordKey, o.Item, o.ValueAtObjection, o.ProposedValue, o.Reason, o.RaisedBy.StartsWith("person:", StringComparison.Ordinal) ? "本人" : o.RaisedBy,
        o.State, o.RaisedAtUtc, o.DueAtUtc, o.State == "Open" && now.UtcDateTime > o.DueAtUtc, o.Answer, o.AnsweredAtUtc);
}
