using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Yiwang.Kernel;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Reference.Contracts;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Persistence;

namespace Yiwang.Modules.Sharing.Catalogue;

/// <summary>
/// The resource catalogue (资源目录): a data admin publishes (编目发布) or revises a resource of their department; every
/// signed-in caller searches it by words of its name, summary, category, item labels or provider.
/// </summary>
internal sealed class ResourceCatalogue(
    SharingDbContext db, SharingAccess access, Calling.GrantCache cache, IReferenceApi reference, IActorAccessor actors, IOptions<SharingOptions> options, TimeProvider clock)
{
    public async Task<Result<ResourceView>> PublishAsync(ClaimsPrincipal user, ResourceInput input, CancellationToken ct)
    {
        if (access.DataAdminDepartment(user) is not { } department)
        {
            return SharingErrors.NotDataAdmin;
        }

        var valid = ResourceValidation.Validate(input);
        if (valid.IsFailure)
        {
            return valid.Error!;
        }

        if (valid.Value!.SourceUrl is { } url && !Calling.UpstreamPolicy.HostAllowed(new Uri(url), options.Value.UpstreamHosts))
        {
            return SharingErrors.UpstreamNotAllowed;
        }

        if (department.Length == 0)
        {
            return SharingErrors.NotDataAdmin; // the operator token belongs to no department, so it provides nothing
        }

        var now = clock.GetUtcNow();
        var resource = await db.Resources.FirstOrDefaultAsync(r => r.Code == valid.Value!.Code, ct);
        if (resource is null)
        {
            resource = DataResource.Publish(Ids.New(clock), valid.Value!.Code, department, now);
            db.Resources.Add(resource);
        }
        else if (resource.ProviderDepartmentCode != department && !access.IsPlatformAdmin(user))
        {
            return SharingErrors.NotProvider;
        }

        resource.Describe(valid.Value!, now);
        db.Audit.Add(AuditEntry.Record(actors.Current, resource.Revision == 1 ? "sharing.resource_published" : "sharing.resource_revised", resource.Code,
            $"{resource.ShareType} {string.Join(',', resource.Items.Select(i => i.Name))}", clock));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return SharingErrors.StaleRevision;
        }

        cache.Clear();
        return await ViewAsync(resource, ct);
    }

    public async Task<IReadOnlyList<ResourceView>> SearchAsync(string? q, CancellationToken ct)
    {
        var query = db.Resources.AsNoTracking();
        var words = (q ?? "").Split([' ', '　', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5).ToList();
        if (words.Count > 0)
        {
            var departments = await reference.AllDepartmentsAsync(ct);
            foreach (var word in words)
            {
                var providers = departments.Values.Where(d => d.Name.Contains(word, StringComparison.Ordinal)).Select(d => d.Code).ToList();
                var upper = word.ToUpperInvariant();
                query = query.Where(r => r.SearchText.Contains(word) || r.Code.Contains(upper) || providers.Contains(r.ProviderDepartmentCode));
            }
        }

        var rows = await query.OrderBy(r => r.Code).Take(200).ToListAsync(ct);
        var names = await reference.FindDepartmentsAsync([.. rows.Select(r => r.ProviderDepartmentCode).Distinct()], ct);
        return [.. rows.Select(r => View(r, names))];
    }

    public async Task<ResourceView?> GetAsync(string code, CancellationToken ct) =>
        await db.Resources.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code.ToUpperInvariant(), ct) is { } resource ? await ViewAsync(resource, ct) : null;

    public async Task<ResourceView> ViewAsync(DataResource resource, CancellationToken ct) =>
        View(resource, await reference.FindDepartmentsAsync([resource.ProviderDepartmentCode], ct));

    private static ResourceView View(DataResource r, IReadOnlyDictionary<string, DepartmentInfo> departments) => new(
        r.Code, r.Name, r.Summary, r.Category, r.ProviderDepartmentCode, departments.GetValueOrDefault(r.ProviderDepartmentCode)?.Name ?? r.ProviderDepartmentCode,
        r.Items, r.UpdateCycle, r.ShareType, r.ShareCondition, r.RefusalBasis, r.OpenType, r.Source, $"/api/v1/sharing/resources/{r.Code}/query",
        r.RecordCount, r.LoadedAtUtc, r.PublishedAtUtc, r.Revision);
}
