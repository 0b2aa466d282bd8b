using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Domain;

namespace Yiwang.Modules.Licences;

/// <summary>Licence records as callers see them; the holder's code is masked in lists.</summary>
internal static class LicenceViews
{
    public static string MaskCode(string code) => code.Length < 8 ? new string('*', code.Length) : code[..3] + new string('*', code.Length - 4) + code[^1];

    public static LicenceSummary Summary(Licence l, DateOnly today) => new(
        l.Id, l.Identifier, l.TypeCode, l.TypeName, l.IssuerName, l.HolderName, MaskCode(l.HolderCode), l.Status, l.IsExpiredOn(today),
        l.ValidFrom, l.ValidUntil, l.Version, l.IsCurrent);

    public static LicenceDetail Detail(Licence l, IReadOnlyList<LicenceEvent> history, IReadOnlyList<LicenceUseRecord> uses, DateOnly today) => new(
        Summary(l, today), l.HolderCode, l.Fields, l.StatusReason, l.SourceCaseId, l.PreviousIdentifier, l.Credential,
        [.. history.Select(e => new LicenceEventView(e.AtUtc, e.Action, e.ActorName, e.Reason, e.Identifier))],
        [.. uses.Select(u => new LicenceUseView(u.AtUtc, u.UsedBy, u.Purpose, u.CaseId))]);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
