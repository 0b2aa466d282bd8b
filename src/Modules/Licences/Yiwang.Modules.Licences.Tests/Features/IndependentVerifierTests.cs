using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Licences.Tests.Features;

/// <summary>Our Ed25519 signatures checked by a verifier nobody here wrote: the npm <c>jose</c> library under Node.</summary>
public sealed class IndependentVerifierTests(LicencesApp app) : IClassFixture<LicencesApp>
{
    private static readonly string Checker = Path.Combine(RepositoryPaths.Root, "tests", "jose-check");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_npm_jose_library_verifies_our_signature_and_refuses_a_changed_credential()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/node"), "Node.js is not installed (CI installs it).");
        File.Exists(Path.Combine(Checker, "node_modules", "jose", "package.json")).ShouldBeTrue("run `npm ci` in tests/jose-check (eng/test.sh does)");
        var licence = await app.IssueAsync(_ct);
        var jws = licence.GetProperty("credential").GetString()!.Split('~')[0];
        var jwks = await app.Client().GetStringAsync("/api/v1/licences/jwks", _ct);
        var parts = jws.Split('.');
        var changed = $"{parts[0]}.{parts[1][..^2]}{(parts[1][^2] == 'A' ? 'B' : 'A')}{parts[1][^1]}.{parts[2]}";

        var (ok, output) = await RunAsync(jws, jwks);
        var (refused, _) = await RunAsync(changed, jwks);

        ok.ShouldBeTrue(output);
        output.ShouldContain(licence.GetProperty("summary").GetProperty("identifier").GetString()!);
        output.ShouldStartWith("EdDSA ");
        refused.ShouldBeFalse();
    }

    private async Task<(bool Ok, string Output)> RunAsync(string jws, string jwks)
    {
        var dir = Directory.CreateTempSubdirectory("yiwang-jose-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "credential.jws"), jws, _ct);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "jwks.json"), jwks, _ct);
            var start = new ProcessStartInfo("/usr/bin/node", ["verify.mjs", Path.Combine(dir.FullName, "credential.jws"), Path.Combine(dir.FullName, "jwks.json")])
            {
                WorkingDirectory = Checker,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            var output = await node.StandardOutput.ReadToEndAsync(_ct) + await node.StandardError.ReadToEndAsync(_ct);
            await node.WaitForExitAsync(_ct);
            return (node.ExitCode == 0, output.Trim());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
