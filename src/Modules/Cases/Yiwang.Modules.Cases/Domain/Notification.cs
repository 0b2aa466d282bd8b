namespace Yiwang.Modules.Cases.Domain;

/// <summary>An in-site message (站内消息) telling an applicant what happened to their case.</summary>
internal sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid CaseId { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? ReadAtUtc { get; private set; }

    public static Notification Create(Guid id, Guid accountId, Guid caseId, string text, DateTimeOffset now) =>
        new() { Id = id, AccountId = accountId, CaseId = caseId, Text = text.Length > 500 ? text[..500] : text, CreatedAtUtc = now.UtcDateTime };

    public void MarkRead(DateTimeOffset now) => ReadAtUtc ??= now.UtcDateTime;
}
