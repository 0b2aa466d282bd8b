namespace Yiwang.Modules.Hotline.Domain;

/// <summary>A file attached to a ticket (附件): a photo of the problem or a document; the bytes live in the shared file store.</summary>
internal sealed class TicketAttachment
{
    /// <summary>At most this many files on one ticket.</summary>
    public const int MaxPerTicket = 9;

    public Guid Id { get; set; }
    public Guid TicketId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
}
