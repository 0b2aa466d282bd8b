namespace Yiwang.Modules.Identity.Domain;

/// <summary>
/// Token signing and encryption keys, kept in the database so that every app node signs and validates with the
/// same keys. Rotation adds a newer row; older rows stay for validating tokens issued before.
/// </summary>
internal sealed class KeyMaterial
{
    private KeyMaterial()
    {
    }

    public Guid Id { get; private set; }
    public string Purpose { get; private set; } = "";
    public string Material { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }

    public static KeyMaterial Create(Guid id, string purpose, byte[] material, DateTimeOffset now) =>
        new() { Id = id, Purpose = purpose, Material = Convert.ToBase64String(material), CreatedAtUtc = now.UtcDateTime };
}
