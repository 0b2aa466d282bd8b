using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Yiwang.Host.Hosting;

/// <summary>
/// Until unified identity (统一身份认证) lands, platform administration is done with an operator bearer token:
/// <c>YIWANG_ADMIN_TOKEN</c> or <c>Admin:Token</c>, otherwise a random token generated on first start and kept in
/// <c>{data}/admin-token</c> (owner-only). Reads of public information need no token.
/// </summary>
internal sealed class OperatorTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, OperatorToken token)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OperatorToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(presented, token.Bytes))
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid operator token."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "operator"), new Claim(ClaimTypes.Name, "platform operator"), new Claim(ClaimTypes.Role, "platform-admin")],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>The operator token's bytes.</summary>
internal sealed class OperatorToken(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;

    public static OperatorToken Resolve(IConfiguration configuration, string dataDirectory)
    {
        var configured = Environment.GetEnvironmentVariable("YIWANG_ADMIN_TOKEN") is { Length: > 0 } env ? env : configuration["Admin:Token"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new OperatorToken(Encoding.UTF8.GetBytes(configured.Trim()));
        }

        var path = Path.Combine(dataDirectory, "admin-token");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new OperatorToken(Encoding.UTF8.GetBytes(File.ReadAllText(path).Trim()));
    }
}
