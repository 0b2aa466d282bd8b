using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Licences.Features;

/// <summary>
/// Issuers and their keys, in public: the trust list (who may issue, with which keys), the JWK set, and the status
/// lists. Registering an issuer and rotating its key are the platform administrator's.
/// </summary>
internal static class Issuers
{
    public sealed record RegisterRequest(string? DepartmentCode, string? CreditCode, string? Name, SigningAlgorithm? Algorithm);

    public sealed record KeyView(string Kid, string Alg, DateTime CreatedAtUtc, DateTime? RetiredAtUtc, IReadOnlyDictionary<string, string> Jwk);

    public sealed record IssuerView(string CreditCode, string Name, string DepartmentCode, SigningAlgorithm Algorithm, string Id, IReadOnlyList<KeyView> Keys);

    public static readonly Error InvalidIssuer = Error.Validation("licences.invalid_issuer", "An issuer needs a known department, a valid 18-character credit code and a name.");
    public static readonly Error IssuerExists = Error.Conflict("licences.issuer_exists", "This department or credit code is already an issuer.");
    public static readonly Error UnknownIssuer = Error.NotFound("licences.issuer_not_found", "No such issuer.");
    public static readonly Error UnknownStatusList = Error.NotFound("licences.status_list_not_found", "No such status list.");

    public static void MapIssuers(this RouteGroupBuilder group)
    {
        group.MapGet("/issuers", TrustList).AllowAnonymous().WithSummary("The trust list: issuers with their keys (current and retired)");
        group.MapPost("/issuers", Register).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Register a department as a licence issuer");
        group.MapPost("/issuers/{creditCode}/rotate", Rotate).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Rotate an issuer's signing key");
        group.MapGet("/jwks", Jwks).AllowAnonymous().WithSummary("Every issuer key as a JWK set (RFC 7517)");
        group.MapGet("/status/{issuerCode}/{purpose}/{list:int}", StatusList).AllowAnonymous()
            .WithSummary("A Bitstring Status List credential (revocation or suspension), signed by the issuer");
    }

    private static async Task<Ok<List<IssuerView>>> TrustList(LicencesDbContext db, IssuerKeyring keyring, IOptions<LicencesOptions> options, CancellationToken ct)
    {
        var keys = (await keyring.AllAsync(ct)).ToLookup(k => k.IssuerCode);
        var issuers = await db.Issuers.AsNoTracking().OrderBy(i => i.CreditCode).ToListAsync(ct);
        return TypedResults.Ok(issuers.Select(i => new IssuerView(i.CreditCode, i.Name, i.DepartmentCode, i.Algorithm,
            LicenceCredential.IssuerId(options.Value.BaseUrl, i.CreditCode), [.. keys[i.CreditCode].Select(View)])).ToList());
    }

    private static async Task<IResult> Jwks(IssuerKeyring keyring, HttpContext http, CancellationToken ct)
    {
        var keys = await keyring.AllAsync(ct);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(new { keys = keys.Select(k => View(k).Jwk) });
    }

    private static async Task<IResult> StatusList(string issuerCode, string purpose, int list, StatusLists lists, IOptions<LicencesOptions> options, HttpContext http, CancellationToken ct)
    {
        if (!StatusLists.IsPurpose(purpose) || list < 0 || list > 10_000 || await lists.CredentialAsync(issuerCode, purpose, list, ct) is not { } credential)
        {
            return UnknownStatusList.ToProblem();
        }

        http.Response.Headers.CacheControl = $"public, max-age={options.Value.StatusListCacheSeconds}";
        return Results.Text(credential, "application/vc+jwt");
    }

    private static async Task<Results<Created<IssuerView>, ProblemHttpResult>> Register(
        RegisterRequest request, LicencesDbContext db, IReferenceApi reference, IssuerKeyring keyring, IActorAccessor actors, TimeProvider clock,
        IOptions<LicencesOptions> options, CancellationToken ct)
    {
        var credit = request.CreditCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrWhiteSpace(request.DepartmentCode) || string.IsNullOrWhiteSpace(request.Name) || !UnifiedSocialCreditCode.IsValid(credit)
            || await reference.FindDepartmentAsync(request.DepartmentCode, ct) is null)
        {
            return InvalidIssuer.ToProblem();
        }

        if (await db.Issuers.AnyAsync(i => i.DepartmentCode == request.DepartmentCode || i.CreditCode == credit, ct))
        {
            return IssuerExists.ToProblem();
        }

        var issuer = Issuer.Create(request.DepartmentCode, credit!, request.Name.Trim(), request.Algorithm ?? SigningAlgorithm.Ed25519);
        db.Issuers.Add(issuer);
        db.Audit.Add(AuditEntry.Record(actors.Current, "licences.issuer_registered", credit!, issuer.Algorithm.ToString(), clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return IssuerExists.ToProblem();
        }

        var key = await keyring.SigningKeyAsync(db, issuer, ct);
        return TypedResults.Created($"/api/v1/licences/issuers", new IssuerView(issuer.CreditCode, issuer.Name, issuer.DepartmentCode, issuer.Algorithm,
            LicenceCredential.IssuerId(options.Value.BaseUrl, issuer.CreditCode), [View(new KnownKey(key.Kid, key.IssuerCode, key.Algorithm, Convert.FromBase64String(key.PublicKey), key.CreatedAtUtc, null))]));
    }

    private static async Task<Results<Ok<KeyView>, ProblemHttpResult>> Rotate(
        string creditCode, LicencesDbContext db, IssuerKeyring keyring, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        var issuer = await db.Issuers.FirstOrDefaultAsync(i => i.CreditCode == creditCode, ct);
        if (issuer is null)
        {
            return UnknownIssuer.ToProblem();
        }

        db.Audit.Add(AuditEntry.Record(actors.Current, "licences.key_rotated", creditCode, null, clock));
        var key = await keyring.RotateAsync(db, issuer, ct);
        return TypedResults.Ok(View(new KnownKey(key.Kid, key.IssuerCode, key.Algorithm, Convert.FromBase64String(key.PublicKey), key.CreatedAtUtc, null)));
    }

    private static KeyView View(KnownKey k)
    {
        var scheme = SignatureScheme.For(k.Algorithm);
        var jwk = scheme.Jwk(k.PublicKey);
        jwk["kid"] = k.Kid;
        jwk["alg"] = scheme.Alg;
        jwk["use"] = "sig";
        return new KeyView(k.Kid, scheme.Alg, k.CreatedAtUtc, k.RetiredAtUtc, jwk);
    }
}
