using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QRCoder;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;

namespace Yiwang.Modules.Licences.Features;

/// <summary>
/// 亮证 and 验证: the holder makes a presentation showing only the fields they choose (as text, a link and a QR code);
/// anyone verifies a presentation or link without signing in.
/// </summary>
internal static class Presentations
{
    public sealed record PresentRequest(IReadOnlyList<string>? Fields);

    public sealed record VerifyRequest(string? Presentation);

    public sealed record BatchVerifyRequest(IReadOnlyList<string>? Presentations);

    /// <summary>Most presentations one batch verification takes: enough to amortise a request, small enough to answer within a second or two.</summary>
    public const int MaxBatch = 1000;

    public static void MapPresentations(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/presentations", Present).RequireAuthorization()
            .WithSummary("The holder shows a licence: a presentation disclosing only the chosen fields, with its verification link and QR code");
        group.MapPost("/verify", Verify).AllowAnonymous()
            .WithSummary("Verify a presented licence or its verification link: valid, revoked, suspended, expired, tampered, unknown issuer or malformed");
        group.MapPost("/verify/file", VerifyFile).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Verify an uploaded credential file (multipart field file, at most 64 KB): the same answer as for pasted text");
        group.MapPost("/verify/batch", VerifyBatch).AllowAnonymous()
            .WithSummary("Verify up to 1,000 presentations or links in one request (for departments checking many); answers in the same order");
    }

    private static async Task<Results<Ok<LicencePresentation>, ProblemHttpResult>> Present(
        Guid id, PresentRequest request, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, IOptions<LicencesOptions> options,
        IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        var presented = await PresentAsync(id, request.Fields ?? [], user, access, db, options.Value.BaseUrl, actors.Current, clock, ct);
        return presented.IsFailure ? presented.Error!.ToProblem() : TypedResults.Ok(presented.Value!);
    }

    /// <summary>The holder's presentation, kept under a short code and audited; not found for anyone else.</summary>
    internal static async Task<Result<LicencePresentation>> PresentAsync(
        Guid id, IReadOnlyList<string> fields, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, string baseUrl, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        var licence = await db.Licences.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (licence is null || !await access.IsHolderAsync(user, licence, ct))
        {
            return LicenceErrors.NotFound;
        }

        if (Build(licence, fields, baseUrl) is not { } presented)
        {
            return LicenceErrors.InvalidDisclosure;
        }

        db.Audit.Add(AuditEntry.Record(actor, "licences.presented", licence.Identifier, string.Join(",", presented.Disclosed), clock));
        return await KeepAsync(db, licence, presented, baseUrl, clock, ct);
    }

    /// <summary>Keeps the presentation under a new short code and adds the short link and its QR code; saves.</summary>
    internal static async Task<LicencePresentation> KeepAsync(LicencesDbContext db, Licence licence, LicencePresentation presented, string baseUrl, TimeProvider clock, CancellationToken ct)
    {
        var code = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));
        db.SharedPresentations.Add(SharedPresentation.Keep(code, licence.Id, presented.Presentation, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        var shortLink = $"{baseUrl}/verify?c={code}";
        using var qr = QRCodeGenerator.GenerateQrCode(shortLink, QRCodeGenerator.ECCLevel.M);
        return presented with { ShortLink = shortLink, QrPngBase64 = Convert.ToBase64String(new PngByteQRCode(qr).GetGraphic(6)) };
    }

    /// <summary>The presentation of a licence with the named fields (no short link yet); null when a name is not a field of this licence.</summary>
    internal static LicencePresentation? Build(Licence licence, IReadOnlyList<string> fields, string baseUrl)
    {
        if (!SdJwt.TrySplit(licence.Credential, out var jws, out var all))
        {
            return null;
        }

        var disclosures = all.Select(SdJwt.Decode).OfType<SdJwt.Disclosure>().ToList();
        var wanted = fields.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Any(f => disclosures.All(d => d.Name != f)))
        {
            return null;
        }

        var presentation = SdJwt.Combine(jws, disclosures.Where(d => wanted.Contains(d.Name)).Select(d => d.Encoded));
        return new LicencePresentation(licence.Identifier, presentation, $"{baseUrl}/verify?p={Uri.EscapeDataString(presentation)}", "", "", wanted);
    }

    private static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> VerifyFile(HttpRequest http, LicenceVerifier verifier, CancellationToken ct)
    {
        var file = http.HasFormContentType ? (await http.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null || file.Length is 0 or > 64 * 1024)
        {
            return LicenceErrors.InvalidPresentation.ToProblem();
        }

        using var reader = new StreamReader(file.OpenReadStream(), System.Text.Encoding.UTF8);
        return TypedResults.Ok(await verifier.VerifyAsync(await reader.ReadToEndAsync(ct), ct));
    }

    private static async Task<Results<Ok<VerificationView[]>, ProblemHttpResult>> VerifyBatch(BatchVerifyRequest request, LicenceVerifier verifier, CancellationToken ct)
    {
        if (request.Presentations is not { Count: > 0 and <= MaxBatch } all)
        {
            return LicenceErrors.InvalidBatch.ToProblem();
        }

        // Signature checks are CPU work: spread one batch over the cores instead of leaving it to one request thread.
        var results = new VerificationView[all.Count];
        await Parallel.ForAsync(0, all.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (i, token) => results[i] = await verifier.VerifyAsync(all[i], token));
        return TypedResults.Ok(results);
    }

    private static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> Verify(VerifyRequest request, LicenceVerifier verifier, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Presentation))
        {
            return LicenceErrors.InvalidPresentation.ToProblem();
        }

        return TypedResults.Ok(await verifier.VerifyAsync(request.Presentation, ct));
    }
}
