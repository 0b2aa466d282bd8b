using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity.Features;

/// <summary>A natural person registers (自然人注册); the account starts at the self-registered trust level.</summary>
internal static class RegisterCitizen
{
    public sealed record Request(string? Name, string? IdNumber, string? Phone, string? Password);

    public sealed record Response(Guid Id, string Name, string IdNumberMasked, TrustLevel TrustLevel);

    public static void MapRegisterCitizen(this RouteGroupBuilder group) =>
        group.MapPost("/register", Handle).AllowAnonymous().WithSummary("Register a citizen account (sign in with the ID number and password)");

    private static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(Request request, IdentityDbContext db, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var registered = await RegisterAsync(request, db, clock, actor, ct);
        if (registered.IsFailure)
        {
            return registered.Error!.ToProblem();
        }

        var account = registered.Value!;
        return TypedResults.Created("/api/v1/identity/me", new Response(account.Id, account.Name, ResidentIdNumber.Mask(account.IdNumber!), account.TrustLevel));
    }

    /// <summary>The one registration path, shared by this endpoint and the web form.</summary>
    internal static async Task<Result<Account>> RegisterAsync(Request request, IdentityDbContext db, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var created = Account.RegisterCitizen(Ids.New(clock), request.Name, request.IdNumber, request.Phone, request.Password, clock.GetUtcNow());
        if (created.IsFailure)
        {
            return created.Error!;
        }

        var account = created.Value!;
        if (await db.Accounts.AnyAsync(a => a.LoginName == account.LoginName, ct))
        {
            return IdentityErrors.DuplicateAccount;
        }

        db.Accounts.Add(account);
        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.registered", account.Id.ToString(), null, clock));
        await db.SaveChangesAsync(ct);
        return account;
    }
}
