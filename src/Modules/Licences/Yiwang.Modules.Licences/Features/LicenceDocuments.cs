using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Licences.Domain;
using Yiwang.Modules.Licences.Persistence;
using Yiwang.Modules.Licences.Rendering;

namespace Yiwang.Modules.Licences.Features;

/// <summary>The licence as a document to print or keep (版式文件): HTML, and PDF printed from it, for its holder and its issuer.</summary>
internal static class LicenceDocuments
{
    public static void MapLicenceDocuments(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/document", Html).RequireAuthorization()
            .WithSummary("The licence as one printable HTML page with a QR code to its verification (every face field disclosed)");
        group.MapGet("/{id:guid}/document.pdf", Pdf).RequireAuthorization()
            .WithSummary("The same page as PDF (A4, Chinese fonts embedded); 503 licences.pdf_unavailable where the server cannot print");
    }

    private static async Task<IResult> Html(
        Guid id, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, IOptions<LicencesOptions> options, IActorAccessor actors, TimeProvider clock, CancellationToken ct)
    {
        var rendered = await RenderAsync(id, user, access, db, options.Value, actors.Current, clock, ct);
        return rendered.IsFailure ? rendered.Error!.ToProblem() : Results.Content(rendered.Value!, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static async Task<IResult> Pdf(
        Guid id, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, ChromiumPdf printer, IOptions<LicencesOptions> options, IActorAccessor actors,
        TimeProvider clock, CancellationToken ct)
    {
        var rendered = await RenderAsync(id, user, access, db, options.Value, actors.Current, clock, ct);
        if (rendered.IsFailure)
        {
            return rendered.Error!.ToProblem();
        }

        var pdf = await printer.PrintAsync(rendered.Value!, ct);
        return pdf is null ? LicenceErrors.PdfUnavailable.ToProblem() : Results.File(pdf, "application/pdf", $"licence-{id}.pdf");
    }

    private static async Task<Result<string>> RenderAsync(
        Guid id, ClaimsPrincipal user, LicenceAccess access, LicencesDbContext db, LicencesOptions options, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        var licence = await LicenceRecords.VisibleAsync(id, user, access, db, ct);
        if (licence is null)
        {
            return LicenceErrors.NotFound;
        }

        // The printed face shows every field, so its QR code discloses every field for the reader to compare.
        if (Presentations.Build(licence, [.. licence.Fields.Keys.Prepend(Crypto.LicenceCredential.HolderName)], options.BaseUrl) is not { } presented)
        {
            return LicenceErrors.InvalidDisclosure;
        }

        db.Audit.Add(AuditEntry.Record(actor, "licences.rendered", licence.Identifier, null, clock));
        return LicenceDocument.Html(licence, await Presentations.KeepAsync(db, licence, presented, options.BaseUrl, clock, ct), LicenceViews.Today(clock));
    }
}
