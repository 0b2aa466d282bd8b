using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;
using Yiwang.TestKit;

namespace Yiwang.Modules.Licences.Tests.Features;

public sealed partial class DocumentTests(LicencesApp app) : IClassFixture<LicencesApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_printable_page_shows_the_face_and_its_QR_link_verifies_every_printed_field()
    {
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);

        var html = await holder.GetStringAsync($"/api/v1/licences/{id}/document", _ct);
        var link = System.Net.WebUtility.HtmlDecode(VerifyLink().Match(html).Groups[1].Value);
        var verification = await app.VerifyAsync(link, _ct);

        html.ShouldContain("个体工商户营业执照");
        html.ShouldContain("广安区兴安路 8 号");
        html.ShouldContain("data:image/png;base64,");
        html.ShouldNotContain(LicencesApp.Citizen);
        LicencesApp.Verdict(verification).ShouldBe("Valid");
        verification.GetProperty("disclosed").GetProperty("经营场所").GetString().ShouldBe("广安区兴安路 8 号");
        verification.GetProperty("disclosed").GetProperty("持证主体").GetString().ShouldBe("张广安");
    }

    [Fact]
    public async Task The_PDF_is_printed_with_an_embedded_Chinese_font_and_strangers_get_neither_page_nor_PDF()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/chromium"), "Debian chromium is not installed (CI installs it).");
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();
        var holder = await app.AsAsync(LicencesApp.Citizen);
        var stranger = await app.AsAsync(LicencesApp.OtherCitizen);

        var pdf = await holder.GetAsync($"/api/v1/licences/{id}/document.pdf", _ct);
        var bytes = await pdf.Content.ReadAsByteArrayAsync(_ct);
        var strangerPdf = await stranger.GetAsync($"/api/v1/licences/{id}/document.pdf", _ct);
        var strangerPage = await stranger.GetAsync($"/api/v1/licences/{id}/document", _ct);

        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, Encoding.UTF8.GetString(bytes[..Math.Min(400, bytes.Length)]));
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        Encoding.Latin1.GetString(bytes).ShouldContain("WenQuanYi", Case.Insensitive);
        bytes.Length.ShouldBeLessThan(1_000_000);
        await strangerPdf.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.not_found");
        await strangerPage.ShouldBeProblemAsync(HttpStatusCode.NotFound, "licences.not_found");
    }

    [Fact]
    public async Task Showing_every_field_still_makes_a_scannable_QR_whose_short_link_verifies_while_a_made_up_code_does_not()
    {
        var id = (await app.IssueAsync(_ct)).GetProperty("summary").GetProperty("id").GetGuid();

        var shown = await app.PresentAsync(id, _ct, "持证主体", "持证主体代码", "经营者", "组成形式", "经营场所", "经营范围", "登记机关", "注册日期");
        var byShortLink = await app.VerifyAsync(shown.GetProperty("shortLink").GetString()!, _ct);
        var madeUp = await app.VerifyAsync("http://localhost/verify?c=AAAAAAAAAAAAAAAA", _ct);

        shown.GetProperty("shortLink").GetString()!.Length.ShouldBeLessThan(60);
        shown.GetProperty("qrPngBase64").GetString().ShouldNotBeNullOrEmpty();
        LicencesApp.Verdict(byShortLink).ShouldBe("Valid");
        byShortLink.GetProperty("disclosed").EnumerateObject().Count().ShouldBe(8);
        LicencesApp.Verdict(madeUp).ShouldBe("Malformed");
    }

    [Fact]
    public async Task A_credential_file_is_verified_by_upload_and_an_empty_or_missing_file_is_refused()
    {
        var licence = await app.IssueAsync(_ct);
        var credential = licence.GetProperty("credential").GetString()!;
        var anonymous = app.Client();

        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(credential));
        file.Headers.ContentType = new("application/vc+sd-jwt");
        var uploaded = await anonymous.PostAsync("/api/v1/licences/verify/file", new MultipartFormDataContent { { file, "file", "licence.jwt" } }, _ct);
        var empty = await anonymous.PostAsync("/api/v1/licences/verify/file", new MultipartFormDataContent { { new ByteArrayContent([]), "file", "empty.jwt" } }, _ct);
        var none = await anonymous.PostAsync("/api/v1/licences/verify/file", new StringContent("x"), _ct);

        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync(_ct));
        LicencesApp.Verdict(await uploaded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(_ct)).ShouldBe("Valid");
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_presentation");
        await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "licences.invalid_presentation");
    }

    [GeneratedRegex("data-verify-link=\"([^\"]+)\"")]
    private static partial Regex VerifyLink();
}
