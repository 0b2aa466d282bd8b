namespace Yiwang.Modules.Cases.Contracts;

/// <summary>
/// An extra way to tell applicants what happened to their case, besides the in-site message that is always stored
/// with the change (for example SMS through the province's gateway). Every registered channel gets each message after
/// the change is committed; a failing channel is logged and never undoes the change.
/// </summary>
public interface ICaseNotificationChannel
{
    /// <summary>Delivers one message to an applicant.</summary>
    Task SendAsync(Guid accountId, string? phone, string text, CancellationToken ct);
}
