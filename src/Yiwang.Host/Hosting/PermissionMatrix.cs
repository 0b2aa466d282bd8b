namespace Yiwang.Host.Hosting;

/// <summary>Who may call an endpoint.</summary>
internal enum Access
{
    /// <summary>Anyone, signed in or not (public information: guides, regions, the calendar).</summary>
    Public,
    /// <summary>Any signed-in caller: a person (session or token) or a department system.</summary>
    SignedIn,
    /// <summary>The platform administrator role (or the operator token).</summary>
    PlatformAdmin,
    /// <summary>Only the legal representative; to everyone else the legal person does not exist (404).</summary>
    LegalRepresentative,
    /// <summary>The legal representative or an agent with an active grant; to everyone else 404.</summary>
    RepresentativeOrAgent,
    /// <summary>Platform admin anywhere, department admin in their own department; other callers 403.</summary>
    StaffAdmin,
    /// <summary>Staff, filtered to their data scope (数据范围); non-staff 403.</summary>
    StaffInScope,
    /// <summary>One staff record: visible when inside the caller's data scope, otherwise 404 (non-staff too).</summary>
    StaffRecordInScope,
}

/// <summary>
/// The permission matrix (权限矩阵): every API operation and who may call it, in one place. Each endpoint enforces
/// its row in its own feature file; <c>PermissionMatrixTests</c> walks every operation of the OpenAPI document with
/// every kind of caller and fails when an endpoint is missing here or answers differently from its row.
/// </summary>
internal static class PermissionMatrix
{
    public static readonly IReadOnlyDictionary<string, Access> Rows = new Dictionary<string, Access>
    {
        // Reference data (基础数据)
        ["GET /api/v1/regions"] = Access.Public,
        ["GET /api/v1/regions/{code}"] = Access.Public,
        ["GET /api/v1/regions/{code}/children"] = Access.Public,
        ["GET /api/v1/departments"] = Access.Public,
        ["GET /api/v1/departments/{code}"] = Access.Public,
        ["POST /api/v1/departments"] = Access.PlatformAdmin,
        ["PUT /api/v1/departments/{code}"] = Access.PlatformAdmin,
        ["GET /api/v1/calendar/add-working-days"] = Access.Public,
        ["GET /api/v1/calendar/count-working-days"] = Access.Public,
        ["GET /api/v1/calendar/{year}"] = Access.Public,
        ["POST /api/v1/calendar/import"] = Access.PlatformAdmin,

        // Catalogue (政务服务事项库)
        ["GET /api/v1/catalog/items"] = Access.Public,
        ["GET /api/v1/catalog/items/{code}"] = Access.Public,
        ["GET /api/v1/catalog/items/{code}/versions"] = Access.Public,
        ["GET /api/v1/catalog/code-tables"] = Access.Public,
        ["GET /api/v1/catalog/export"] = Access.Public,
        ["POST /api/v1/catalog/items"] = Access.PlatformAdmin,
        ["GET /api/v1/catalog/items/{code}/draft"] = Access.PlatformAdmin,
        ["PUT /api/v1/catalog/items/{code}/draft"] = Access.PlatformAdmin,
        ["POST /api/v1/catalog/items/{code}/publish"] = Access.PlatformAdmin,
        ["POST /api/v1/catalog/import"] = Access.PlatformAdmin,
        ["GET /api/v1/catalog/consistency"] = Access.PlatformAdmin,

        // Identity (统一身份认证)
        ["POST /api/v1/identity/register"] = Access.Public,
        ["GET /api/v1/identity/me"] = Access.SignedIn,
        ["POST /api/v1/identity/legal-persons"] = Access.SignedIn,
        ["GET /api/v1/identity/legal-persons/{creditCode}"] = Access.RepresentativeOrAgent,
        ["POST /api/v1/identity/legal-persons/{creditCode}/grants"] = Access.LegalRepresentative,
        ["DELETE /api/v1/identity/legal-persons/{creditCode}/grants/{grantId}"] = Access.LegalRepresentative,
        ["POST /api/v1/identity/clients"] = Access.PlatformAdmin,
        ["POST /api/v1/identity/me/phone-verification"] = Access.SignedIn,
        ["POST /api/v1/identity/me/phone-verification/confirm"] = Access.SignedIn,
        ["POST /api/v1/identity/me/real-name"] = Access.SignedIn,
        ["POST /api/v1/identity/staff"] = Access.StaffAdmin,
        ["GET /api/v1/identity/staff"] = Access.StaffInScope,
        ["GET /api/v1/identity/staff/{loginName}"] = Access.StaffRecordInScope,
    };
}
