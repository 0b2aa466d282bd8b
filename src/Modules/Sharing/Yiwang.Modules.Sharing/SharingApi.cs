using System.Security.Claims;
using Yiwang.Kernel.Results;
using Yiwang.Modules.Sharing.Catalogue;
using Yiwang.Modules.Sharing.Contracts;
using Yiwang.Modules.Sharing.Evidence;
using Yiwang.Modules.Sharing.Quality;
using Yiwang.Modules.Sharing.Requests;

namespace Yiwang.Modules.Sharing;

/// <summary>The hub's contract for the web pages: the same use cases and checks as the API.</summary>
internal sealed class SharingApi(ResourceCatalogue catalogue, RecordLoading loading, AccessRequests requests, EvidenceReader evidence, QualityCheck quality) : ISharingApi
{
    public Task<IReadOnlyList<ResourceView>> SearchAsync(string? q, CancellationToken ct) => catalogue.SearchAsync(q, ct);

    public Task<ResourceView?> GetAsync(string code, CancellationToken ct) => catalogue.GetAsync(code, ct);

    public Task<Result<ResourceView>> PublishAsync(ClaimsPrincipal user, ResourceInput input, CancellationToken ct) => catalogue.PublishAsync(user, input, ct);

    public Task<Result<ResourceView>> UploadAsync(ClaimsPrincipal user, string code, string fileName, Stream content, CancellationToken ct) =>
        loading.UploadAsync(user, code, fileName, content, ct);

    public Task<Result<AccessRequestView>> RequestAsync(ClaimsPrincipal user, string code, AccessRequestInput input, CancellationToken ct) =>
        requests.RequestAsync(user, code, input, ct);

    public Task<Result<AccessRequestView>> DecideAsync(ClaimsPrincipal user, Guid id, DecisionInput input, CancellationToken ct) => requests.DecideAsync(user, id, input, ct);

    public Task<Result<AccessRequestView>> RevokeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) => requests.RevokeAsync(user, id, ct);

    public Task<IReadOnlyList<AccessRequestView>> RequestsAsync(ClaimsPrincipal user, CancellationToken ct) => requests.ListAsync(user, ct);

    public Task<IReadOnlyList<EvidenceView>> EvidenceAsync(ClaimsPrincipal user, CancellationToken ct) => evidence.ListAsync(user, null, ct);

    public Task<IReadOnlyList<DataUseView>> MyDataUseAsync(ClaimsPrincipal user, CancellationToken ct) => evidence.MyDataUseAsync(user, ct);

    public Task<QualityReport?> QualityAsync(string code, CancellationToken ct) => quality.ReportAsync(code, ct);
}
