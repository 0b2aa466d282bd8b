namespace Yiwang.Modules.Licences.Domain;

/// <summary>
/// A presentation kept under a short code, so that its QR code stays small: the code only finds the text; verifying it
/// is the same cryptographic check as for a presentation carried in full. It discloses nothing the holder did not show.
/// </summary>
internal sealed class SharedPresentation
{
    private SharedPresentation()
    {
    }

    /// <summary>96 random bits, base64url (16 characters).</summary>
    public string Code { get; private set; } = "";

    public Guid LicenceId { get; private set; }
    public string Presentation { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public static SharedPresentation Keep(string code, Guid licenceId, string presentation, DateTimeOffset now) =>
        new() { Code = code, LicenceId = licenceId, Presentation = presentation, CreatedAtUtc = now.UtcDateTime };
}
