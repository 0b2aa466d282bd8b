using Yiwang.Modules.Licences.Contracts;

namespace Yiwang.Modules.Licences.Domain;

/// <summary>A department registered as a licence issuer (发证机关): its credit code goes into identifiers, its keys sign.</summary>
internal sealed class Issuer
{
    private Issuer()
    {
    }

    /// <summary>The department's code in the reference data (the catalogue's 实施主体编码).</summary>
    public string DepartmentCode { get; private set; } = "";

    /// <summary>证照颁发机构代码: the 18-character unified social credit code.</summary>
    public string CreditCode { get; private set; } = "";

    public string Name { get; private set; } = "";
    public SigningAlgorithm Algorithm { get; private set; }

    /// <summary>Next free position in the issuer's status lists; each licence version takes one.</summary>
    public int NextStatusIndex { get; private set; }

    public int Revision { get; private set; }

    public static Issuer Create(string departmentCode, string creditCode, string name, SigningAlgorithm algorithm) =>
        new() { DepartmentCode = departmentCode, CreditCode = creditCode, Name = name, Algorithm = algorithm };

    /// <summary>Takes <paramref name="count"/> status-list positions; the revision makes two takers conflict instead of sharing.</summary>
    public int TakeStatusIndexes(int count)
    {
        var first = NextStatusIndex;
        NextStatusIndex += count;
        Revision++;
        return first;
    }
}

/// <summary>A signing key of an issuer. Keys are rotated, never deleted: old licences stay verifiable by their key id.</summary>
internal sealed class IssuerKey
{
    private IssuerKey()
    {
    }

    /// <summary>Key id (kid) as it appears in JWS headers and the JWK set.</summary>
    public string Kid { get; private set; } = "";

    public string IssuerCode { get; private set; } = "";
    public SigningAlgorithm Algorithm { get; private set; }
    public string PublicKey { get; private set; } = "";

    /// <summary>The private key. Stored with the module's data like the identity signing keys; an HSM belongs here in production.</summary>
    public string PrivateKey { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime? RetiredAtUtc { get; private set; }

    public static IssuerKey Create(string kid, string issuerCode, SigningAlgorithm algorithm, byte[] publicKey, byte[] privateKey, DateTimeOffset now) => new()
    {
        Kid = kid,
        IssuerCode = issuerCode,
        Algorithm = algorithm,
        PublicKey = Convert.ToBase64String(publicKey),
        PrivateKey = Convert.ToBase64String(privateKey),
        CreatedAtUtc = now.UtcDateTime,
    };

    public void Retire(DateTimeOffset now) => RetiredAtUtc ??= now.UtcDateTime;
}
