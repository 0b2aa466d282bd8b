using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yiwang.Modules.Licences.Persistence;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Crypto;
using Yiwang.Modules.Licences.Domain;

namespace Yiwang.Modules.Licences;

/// <summary>
/// Verifies a presented licence (证照核验) without trusting anything in it: the key id must be one of our issuers' keys
/// and belong to the issuer the credential names, the signature must hold, each shown field must match a digest the
/// issuer signed, the identifier's check character must hold, then the status lists and the validity dates decide.
/// Only the fields the holder disclosed are returned. Reads no licence record: what a stranger can check is what the
/// credential and the public status lists prove.
/// </summary>
internal sealed class LicenceVerifier(IssuerKeyring keyring, StatusLists lists, IServiceScopeFactory scopes, IOptions<LicencesOptions> options, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, string> Nothing = new Dictionary<string, string>();

    /// <summary>Accepts the presentation text, a verification link carrying it in <c>p</c>, or a short link with its code in <c>c</c>.</summary>
    public async Task<VerificationView> VerifyAsync(string? input, CancellationToken ct)
    {
        var text = input?.Trim() ?? "";
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !IsOurs(uri))
            {
                return Refuse(Verdict.Malformed, "这不是本平台的证照核验链接。");
            }

            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
            if (query.TryGetValue("c", out var code))
            {
                return await VerifyCodeAsync(code.ToString(), ct);
            }

            text = query.GetValueOrDefault("p").ToString();
        }

        return await VerifyTextAsync(text, ct);
    }

    /// <summary>Verifies the presentation kept under a short link's code (the code only finds it; the check is the same).</summary>
    public async Task<VerificationView> VerifyCodeAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 16)
        {
            return Refuse(Verdict.Malformed, "无法识别的核验码。");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicencesDbContext>();
        var kept = await db.SharedPresentations.AsNoTracking().Where(p => p.Code == code.Trim()).Select(p => p.Presentation).FirstOrDefaultAsync(ct);
        return kept is null ? Refuse(Verdict.Malformed, "核验码不存在。") : await VerifyTextAsync(kept, ct);
    }

    private async Task<VerificationView> VerifyTextAsync(string text, CancellationToken ct)
    {
        if (text.Length is 0 or > 20_000 || !SdJwt.TrySplit(text, out var compact, out var disclosures) || Jws.Parse(compact) is not { } jws)
        {
            return Refuse(Verdict.Malformed, "无法识别的证照数据。");
        }

        if (jws.Kid is not { } kid || await keyring.FindAsync(kid, ct) is not { } key || SignatureScheme.ForAlg(jws.Alg) is not { } scheme
            || scheme != SignatureScheme.For(key.Algorithm))
        {
            return Refuse(Verdict.UnknownIssuer, "签发者不在本平台的可信签发者名单中。");
        }

        if (!scheme.Verify(key.PublicKey, jws.SigningInput, jws.Signature))
        {
            return Refuse(Verdict.Tampered, "签名无效：证照内容被改动过。");
        }

        var payload = jws.Payload;
        var identifierText = payload.Text("jti");
        if (payload.Text("iss") != LicenceCredential.IssuerId(options.Value.BaseUrl, key.IssuerCode)
            || !LicenceIdentifier.TryParse(identifierText, out var identifier) || identifier.Value.IssuerCode != key.IssuerCode)
        {
            return Refuse(Verdict.Tampered, "签发者与证照标识不一致。");
        }

        var subject = payload.TryGetProperty("credentialSubject", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var digests = subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("_sd", out var sd) && sd.ValueKind == JsonValueKind.Array
            ? sd.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var encoded in disclosures)
        {
            if (SdJwt.Decode(encoded) is not { } disclosure || !digests.Contains(disclosure.Digest) || !shown.TryAdd(disclosure.Name, disclosure.Value))
            {
                return Refuse(Verdict.Tampered, "出示的字段与签发内容不符。");
            }
        }

        var view = new VerificationView(
            Verdict.Valid, "证照有效。", identifierText, subject.Text("licenceTypeName"),
            payload.TryGetProperty("issuer", out var issuer) ? issuer.Text("name") : null, key.IssuerCode,
            payload.TryGetProperty("iat", out var iat) && iat.ValueKind == JsonValueKind.Number && iat.TryGetInt64(out var issuedAt) ? DateTimeOffset.FromUnixTimeSeconds(issuedAt) : null,
            ValidUntil(payload), shown);
        var statuses = payload.TryGetProperty("credentialStatus", out var st) && st.ValueKind == JsonValueKind.Array ? st.EnumerateArray().ToList() : [];
        foreach (var entry in statuses.Where(e => e.ValueKind == JsonValueKind.Object))
        {
            var purpose = entry.Text("statusPurpose") ?? "";
            var list = ListNumber(entry.Text("statusListCredential"), key.IssuerCode, purpose);
            if (list is null || !int.TryParse(entry.Text("statusListIndex"), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= StatusLists.Size)
            {
                return view with { Verdict = Verdict.Tampered, Message = "状态信息不属于本平台。" };
            }

            if (await lists.IsSetAsync(key.IssuerCode, purpose, list.Value * StatusLists.Size + index, ct))
            {
                return purpose == StatusLists.Revocation
                    ? view with { Verdict = Verdict.Revoked, Message = "证照已被吊销或注销。" }
                    : view with { Verdict = Verdict.Suspended, Message = "证照已被中止。" };
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        return view.ValidUntil is { } until && today > until ? view with { Verdict = Verdict.Expired, Message = "证照已超过有效期。" } : view;
    }

    private bool IsOurs(Uri uri) =>
        Uri.TryCreate(options.Value.BaseUrl, UriKind.Absolute, out var ours) && string.Equals(uri.Authority, ours.Authority, StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath.TrimEnd('/').EndsWith("/verify", StringComparison.Ordinal);

    private int? ListNumber(string? url, string issuerCode, string purpose)
    {
        var prefix = StatusLists.Url(options.Value.BaseUrl, issuerCode, purpose, 0)[..^1];
        return StatusLists.IsPurpose(purpose) && url is not null && url.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(url[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static DateOnly? ValidUntil(JsonElement payload) =>
        payload.Text("validUntil") is { Length: >= 10 } until && DateOnly.TryParseExact(until[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static VerificationView Refuse(Verdict verdict, string message) => new(verdict, message, null, null, null, null, null, null, Nothing);
}
