using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Licences;

/// <summary>One licence to issue: of which type, to whom, with which face, from which case.</summary>
internal sealed record IssueOrder(LicenceType Type, LicenceHolder Holder, IReadOnlyDictionary<string, string> Fields, Guid? SourceCaseId);

/// <summary>
/// Issues licences (发证) and makes new versions (变更 / 延续) and status changes (中止 / 恢复 / 吊销 / 注销): checks the face
/// against the type, takes status-list positions from the issuer, signs with the issuer's current key, and stores the
/// licence, its history line and the audit row in one transaction.
/// </summary>
internal sealed class LicenceIssuing(LicencesDbContext db, IssuerKeyring keyring, StatusLists lists, IOptions<LicencesOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static Error? Check(IssueOrder order)
    {
        var holder = order.Holder;
        var validCode = holder.Kind == HolderKind.NaturalPerson ? ResidentIdNumber.IsValid(holder.Code) : UnifiedSocialCreditCode.IsValid(holder.Code);
        if (string.IsNullOrWhiteSpace(holder.Name) || !validCode || holder.Kind != order.Type.HolderKind)
        {
            return LicenceErrors.InvalidHolder;
        }

        if (order.Fields.Keys.Any(k => order.Type.Fields.All(f => f.Name != k)))
        {
            return LicenceErrors.UnknownFields with { Details = order.Fields.Keys.Where(k => order.Type.Fields.All(f => f.Name != k)).ToList() };
        }

        var missing = order.Type.Fields.Where(f => f.Required && string.IsNullOrWhiteSpace(order.Fields.GetValueOrDefault(f.Name))).Select(f => f.Name).ToList();
        return missing.Count > 0 ? LicenceErrors.MissingFields with { Details = missing } : null;
    }

    /// <summary>Issues several licences of one issuer in one transaction (one is the usual case; a batch for bulk issuing).</summary>
    public async Task<Result<IReadOnlyList<Licence>>> IssueAsync(Issuer issuer, IReadOnlyList<IssueOrder> orders, Actor actor, CancellationToken ct)
    {
        foreach (var order in orders)
        {
            if (Check(order) is { } error)
            {
                return error;
            }
        }

        var key = await keyring.SigningKeyAsync(db, issuer, ct);
        var now = clock.GetUtcNow();
        var first = issuer.TakeStatusIndexes(orders.Count);
        var licences = new List<Licence>(orders.Count);
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            var serial = Guid.CreateVersion7(now).ToString("N").ToUpperInvariant();
            var identifier = new LicenceIdentifier(order.Type.Code, issuer.CreditCode, serial, 1);
            var (from, until) = Validity(order.Type, now);
            var licence = Licence.Create(Ids.New(clock), identifier, order.Type, issuer, order.Holder, Clean(order.Fields), from, until, first + i, order.SourceCaseId, null, now);
            licence.Sign(LicenceCredential.Sign(licence, key, options.Value.BaseUrl));
            licences.Add(licence);
            db.Licences.Add(licence);
            db.Events.Add(LicenceEvent.Record(Ids.New(clock), licence, "issue", actor.Name, order.SourceCaseId is { } c ? $"办件 {c}" : null, now));
        }

        db.Audit.Add(AuditEntry.Record(actor, "licences.issued", issuer.CreditCode, $"{orders.Count} licence(s)", clock));
        return await SaveAsync(licences);
    }

    /// <summary>变更 (new face) or 延续 (new validity): the next version with the same serial; the old one is cancelled.</summary>
    public async Task<Result<Licence>> NewVersionAsync(Licence current, Issuer issuer, LicenceType type, IReadOnlyDictionary<string, string>? fields, string? reason, Actor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return LicenceErrors.ReasonRequired;
        }

        var face = fields is null ? current.Fields : Clean(fields);
        var holder = new LicenceHolder(current.HolderKind, current.HolderName, current.HolderCode, current.HolderAccountId);
        if (Check(new IssueOrder(type, holder, face, current.SourceCaseId)) is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        if (current.Supersede($"{reason.Trim()}（新版本 {current.Version + 1:D3}）", now) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        var key = await keyring.SigningKeyAsync(db, issuer, ct);
        var identifier = current.ParsedIdentifier.WithVersion(current.Version + 1);
        var (from, until) = Validity(type, now);
        var next = Licence.Create(Ids.New(clock), identifier, type, issuer, holder, face, from, until, issuer.TakeStatusIndexes(1), current.SourceCaseId, current.Identifier, now);
        next.Sign(LicenceCredential.Sign(next, key, options.Value.BaseUrl));
        db.Licences.Add(next);
        db.Events.Add(LicenceEvent.Record(Ids.New(clock), current, "supersede", actor.Name, reason.Trim(), now));
        db.Events.Add(LicenceEvent.Record(Ids.New(clock), next, fields is null ? "renew" : "change", actor.Name, reason.Trim(), now));
        db.Audit.Add(AuditEntry.Record(actor, "licences.new_version", next.Identifier, current.Identifier, clock));
        var saved = await SaveAsync([next]);
        if (saved.IsFailure)
        {
            return saved.Error!;
        }

        lists.Invalidate(issuer.CreditCode);
        return next;
    }

    public async Task<Result<Licence>> ChangeStatusAsync(Licence licence, LicenceStatus to, string? reason, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (licence.ChangeStatus(to, reason, now) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        var action = to switch
        {
            LicenceStatus.Suspended => "suspend",
            LicenceStatus.Revoked => "revoke",
            LicenceStatus.Cancelled => "cancel",
            _ => "reinstate",
        };
        db.Events.Add(LicenceEvent.Record(Ids.New(clock), licence, action, actor.Name, reason, now));
        db.Audit.Add(AuditEntry.Record(actor, "licences." + action, licence.Identifier, reason, clock));
        var saved = await SaveAsync([licence]);
        if (saved.IsFailure)
        {
            return saved.Error!;
        }

        lists.Invalidate(licence.IssuerCode);
        return licence;
    }

    private async Task<Result<IReadOnlyList<Licence>>> SaveAsync(IReadOnlyList<Licence> licences)
    {
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return licences.ToList();
        }
        catch (DbUpdateException)
        {
            // A concurrent change to the same licence or the same issuer's status positions: nothing was stored.
            db.ChangeTracker.Clear();
            return LicenceErrors.StaleRevision;
        }
    }

    private static (DateOnly From, DateOnly? Until) Validity(LicenceType type, DateTimeOffset now)
    {
        var from = DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime);
        return (from, type.ValidityYears is { } years ? from.AddYears(years).AddDays(-1) : null);
    }

    private static Dictionary<string, string> Clean(IReadOnlyDictionary<string, string> fields) =>
        fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Key, f => f.Value.Trim(), StringComparer.Ordinal);
}
