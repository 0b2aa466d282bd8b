using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Http;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Modules.Identity.Features;

/// <summary>Registers a department system (部门系统) as a confidential client for the client credentials grant (admin).</summary>
internal static class RegisterClient
{
    public sealed record Request(string? ClientId, string? DepartmentCode, string? DisplayName);

    /// <summary>The secret is shown once; only its hash is kept.</summary>
    public sealed record Response(string ClientId, string ClientSecret, string DepartmentCode);

    public static void MapRegisterClient(this RouteGroupBuilder group) =>
        group.MapPost("/clients", Handle).RequireAuthorization(Policies.PlatformAdmin).WithSummary("Register a department system (client credentials); the secret is returned once");

    private static async Task<Results<Created<Response>, ProblemHttpResult>> Handle(
        Request request, IOpenIddictApplicationManager applications, IReferenceApi reference, IdentityDbContext db, TimeProvider clock, IActorAccessor actor, CancellationToken ct)
    {
        var id = request.ClientId?.Trim();
        if (id is not { Length: >= 3 and <= 64 } || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            || request.DepartmentCode is null || await reference.FindDepartmentAsync(request.DepartmentCode, ct) is null)
        {
            return IdentityErrors.InvalidClient.ToProblem();
        }

        if (await applications.FindByClientIdAsync(id, ct) is not null)
        {
            return IdentityErrors.DuplicateClient.ToProblem();
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = id,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? id : request.DisplayName.Trim(),
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.Endpoints.Revocation,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                OpenIddictConstants.Permissions.Prefixes.Scope + "api",
            },
        };
        descriptor.Properties["department"] = JsonSerializer.SerializeToElement(request.DepartmentCode);
        await applications.CreateAsync(descriptor, ct);
        db.Audit.Add(AuditEntry.Record(actor.Current, "identity.client_registered", id, request.DepartmentCode, clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/identity/clients/{id}", new Response(id, secret, request.DepartmentCode));
    }
}
