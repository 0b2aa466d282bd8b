using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Kernel.Storage;
using Yiwang.Modules.Hotline.Contracts;
using Yiwang.Modules.Hotline.Domain;
using Yiwang.Modules.Hotline.Persistence;

namespace Yiwang.Modules.Hotline.Tickets;

/// <summary>
/// Attachments (附件): the caller (until the ticket is closed), its agent and the departments handling it add photos
/// or documents; whoever may see the ticket downloads them. Files go through the shared upload checks (type sniffed,
/// size capped, scanned) into the content-addressed store.
/// </summary>
internal static class TicketFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static void MapTicketFiles(this RouteGroupBuilder group)
    {
        group.MapPost("/tickets/{id:guid}/attachments", Upload).RequireAuthorization()
            .WithSummary("Attach a file to a ticket (multipart field file: PDF, JPEG, PNG or OFD, at most 10 MB, nine per ticket)");
        group.MapGet("/tickets/{id:guid}/attachments/{attachmentId:guid}", Download).RequireAuthorization().WithSummary("An attachment's content");
    }

    private static async Task<Results<Created<AttachmentView>, ProblemHttpResult>> Upload(Guid id, HttpRequest http, ClaimsPrincipal user, TicketAttacher attacher, CancellationToken ct)
    {
        var form = http.HasFormContentType ? await http.ReadFormAsync(ct) : null;
        var result = await attacher.AttachAsync(user, id, form?.Files.GetFile("file"), ct);
        return result.IsFailure ? result.Error!.ToProblem() : TypedResults.Created($"/api/v1/hotline/tickets/{id}/attachments/{result.Value!.Id}", result.Value);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Download(
        Guid id, Guid attachmentId, ClaimsPrincipal user, HotlineDbContext db, TicketAccess access, IFileStore store, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || !access.CanSee(user, ticket))
        {
            return TicketErrors.NotFound.ToProblem();
        }

        var file = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == id, ct);
        return file is not null && store.Open(file.Sha256) is { } stream
            ? TypedResults.File(stream, file.ContentType, file.FileName)
            : TicketErrors.AttachmentNotFound.ToProblem();
    }

    public static AttachmentView View(TicketAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.UploadedAtUtc);
}

/// <summary>Adding an attachment, for the API and the ticket page alike.</summary>
internal sealed class TicketAttacher(HotlineDbContext db, TicketAccess access, Uploads uploads, IActorAccessor actors, TimeProvider clock)
{
    public async Task<Result<AttachmentView>> AttachAsync(ClaimsPrincipal user, Guid ticketId, IFormFile? file, CancellationToken ct)
    {
        // The ticket is checked before the file, so a caller who may not see it learns nothing from the answer.
        var first = await AttachableAsync(user, ticketId, ct);
        if (first.IsFailure)
        {
            return first.Error!;
        }

        var (stored, refusal) = await uploads.TakeAsync(file, TicketFiles.MaxBytes, ct);
        if (stored is null)
        {
            return refusal switch
            {
                UploadRefusal.TooLarge => TicketErrors.AttachmentTooLarge,
                UploadRefusal.Infected => TicketErrors.AttachmentInfected,
                _ => TicketErrors.InvalidAttachment,
            };
        }

        // Another upload may take the ticket's revision between the count and the save; then count again.
        for (var attempt = 1; ; attempt++)
        {
            var attachable = attempt == 1 ? first : await AttachableAsync(user, ticketId, ct);
            if (attachable.IsFailure)
            {
                return attachable.Error!;
            }

            var ticket = attachable.Value!;
            var actor = actors.Current;
            var now = clock.GetUtcNow();
            var attachment = new TicketAttachment
            {
                Id = Ids.New(clock), TicketId = ticketId, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size,
                Sha256 = stored.Sha256, UploadedBy = actor.Name.Length > 100 ? actor.Name[..100] : actor.Name, UploadedAtUtc = now.UtcDateTime,
            };
            ticket.NoteAttachment();
            db.Attachments.Add(attachment);
            db.Events.Add(TicketEvent.Record(Ids.New(clock), ticketId, "attached", actor.Name, stored.FileName, now, ticket.DepartmentCode));
            db.Audit.Add(AuditEntry.Record(actor, "hotline.ticket_attached", ticket.Number, stored.FileName, clock));
            try
            {
                await db.SaveChangesAsync(ct);
                return TicketFiles.View(attachment);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The ticket, tracked, when the caller may see it, it is open and it has room for one more file.</summary>
    private async Task<Result<Ticket>> AttachableAsync(ClaimsPrincipal user, Guid ticketId, CancellationToken ct)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || !access.CanSee(user, ticket))
        {
            return TicketErrors.NotFound;
        }

        if (ticket.State == TicketState.Closed)
        {
            return TicketErrors.IllegalTransition;
        }

        return await db.Attachments.CountAsync(a => a.TicketId == ticketId, ct) >= TicketAttachment.MaxPerTicket ? TicketErrors.TooManyAttachments : ticket;
    }
}
