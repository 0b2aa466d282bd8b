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
    /// <summary>One case (or its materials, ratings, tasks, tickets): its applicant, their representative or agent, or staff in scope; to everyone else 404.</summary>
    CaseRecord,
    /// <summary>Applicants (citizens) and window clerks (一窗受理); other staff and department systems 403.</summary>
    ApplicantOrClerk,
    /// <summary>Window clerks of the hall's region (and platform admins); everyone else signed in 403.</summary>
    HallClerk,
    /// <summary>Staff (the handler then checks their department and role); citizens and department systems 403.</summary>
    Staff,
    /// <summary>One licence: its holder (or whoever acts for a legal holder) and its issuer's staff; to everyone else 404.</summary>
    LicenceRecord,
    /// <summary>One hotline ticket: its caller, hotline agents of its region and the department holding it; to everyone else 404.</summary>
    TicketRecord,
    /// <summary>Data admins (数据管理员, the handler then checks their department) and platform admins; everyone else signed in 403.</summary>
    DataAdmin,
    /// <summary>Department systems (client credentials) only; people, staff included, 403.</summary>
    DepartmentSystem,
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

        // Applications (办件)
        ["POST /api/v1/applications"] = Access.ApplicantOrClerk,
        ["GET /api/v1/applications"] = Access.SignedIn,
        ["GET /api/v1/applications/queue"] = Access.StaffInScope,
        ["GET /api/v1/applications/form/{itemCode}"] = Access.SignedIn,
        ["GET /api/v1/applications/notifications"] = Access.SignedIn,
        ["GET /api/v1/applications/track"] = Access.Public,
        ["GET /api/v1/applications/{id}"] = Access.CaseRecord,
        ["POST /api/v1/applications/{id}/actions/{action}"] = Access.CaseRecord,
        ["POST /api/v1/applications/actions"] = Access.SignedIn,
        ["POST /api/v1/applications/{id}/materials"] = Access.CaseRecord,
        ["POST /api/v1/applications/{id}/materials/reuse"] = Access.CaseRecord,
        ["GET /api/v1/applications/reusable-materials"] = Access.SignedIn,
        ["POST /api/v1/applications/{id}/materials/{materialId}/review"] = Access.CaseRecord,
        ["GET /api/v1/applications/{id}/materials/{materialId}/content"] = Access.CaseRecord,
        ["GET /api/v1/applications/alerts"] = Access.StaffInScope,
        ["GET /api/v1/applications/exchange"] = Access.StaffInScope,
        ["POST /api/v1/applications/{id}/rating"] = Access.CaseRecord,

        // Electronic licences (电子证照)
        ["GET /api/v1/licences/types"] = Access.Public,
        ["POST /api/v1/licences/types"] = Access.PlatformAdmin,
        ["GET /api/v1/licences/issuers"] = Access.Public,
        ["POST /api/v1/licences/issuers"] = Access.PlatformAdmin,
        ["POST /api/v1/licences/issuers/{creditCode}/rotate"] = Access.PlatformAdmin,
        ["GET /api/v1/licences/jwks"] = Access.Public,
        ["GET /api/v1/licences/status/{issuerCode}/{purpose}/{list}"] = Access.Public,
        ["POST /api/v1/licences/verify"] = Access.Public,
        ["POST /api/v1/licences/verify/batch"] = Access.Public,
        ["POST /api/v1/licences/verify/file"] = Access.Public,
        ["POST /api/v1/licences"] = Access.Staff,
        ["GET /api/v1/licences/mine"] = Access.SignedIn,
        ["GET /api/v1/licences/issued"] = Access.Staff,
        ["GET /api/v1/licences/{id}"] = Access.LicenceRecord,
        ["POST /api/v1/licences/{id}/status"] = Access.LicenceRecord,
        ["POST /api/v1/licences/{id}/versions"] = Access.LicenceRecord,
        ["POST /api/v1/licences/{id}/presentations"] = Access.LicenceRecord,
        ["POST /api/v1/licences/{id}/objections"] = Access.LicenceRecord,
        ["GET /api/v1/licences/objections"] = Access.SignedIn,
        ["POST /api/v1/licences/objections/{id}/answer"] = Access.LicenceRecord,
        ["POST /api/v1/licences/{id}/authorisations"] = Access.LicenceRecord,
        ["GET /api/v1/licences/{id}/authorisations"] = Access.SignedIn,
        ["POST /api/v1/licences/authorisations/{id}/revoke"] = Access.LicenceRecord,
        ["GET /api/v1/licences/authorisations/received"] = Access.SignedIn,
        ["POST /api/v1/licences/authorisations/{id}/use"] = Access.LicenceRecord,
        ["POST /api/v1/licences/authorisations/{id}/objections"] = Access.LicenceRecord,
        ["POST /api/v1/licences/authorisations/shared"] = Access.Public,
        ["GET /api/v1/licences/{id}/document"] = Access.LicenceRecord,
        ["GET /api/v1/licences/{id}/document.pdf"] = Access.LicenceRecord,

        // 12345 hotline (12345 热线)
        ["POST /api/v1/hotline/classify"] = Access.Staff,
        ["GET /api/v1/hotline/routes"] = Access.Staff,
        ["PUT /api/v1/hotline/routes"] = Access.PlatformAdmin,
        ["POST /api/v1/hotline/tickets"] = Access.SignedIn,
        ["GET /api/v1/hotline/tickets"] = Access.SignedIn,
        ["GET /api/v1/hotline/tickets/{id}"] = Access.TicketRecord,
        ["POST /api/v1/hotline/tickets/{id}/{step}"] = Access.TicketRecord,
        ["GET /api/v1/hotline/indicators"] = Access.Staff,
        ["GET /api/v1/hotline/indicators.xlsx"] = Access.Staff,

        // Ratings (好差评) and the hall queue (排队叫号)
        ["GET /api/v1/ratings/rectifications"] = Access.StaffInScope,
        ["POST /api/v1/ratings/rectifications/{id}/callback"] = Access.CaseRecord,
        ["POST /api/v1/ratings/rectifications/{id}/close"] = Access.CaseRecord,
        ["GET /api/v1/ratings/indicators"] = Access.StaffInScope,
        ["POST /api/v1/hall/{region}/tickets"] = Access.Public,
        ["GET /api/v1/hall/{region}/queue"] = Access.StaffInScope,
        ["POST /api/v1/hall/{region}/call-next"] = Access.HallClerk,
        ["POST /api/v1/hall/tickets/{id}/finish"] = Access.CaseRecord,
        ["POST /api/v1/hall/tickets/{id}/rating"] = Access.Public,

        // Data sharing (数据共享交换)
        ["GET /api/v1/sharing/resources"] = Access.SignedIn,
        ["GET /api/v1/sharing/resources/{code}"] = Access.SignedIn,
        ["POST /api/v1/sharing/resources"] = Access.DataAdmin,
        ["POST /api/v1/sharing/resources/{code}/upload"] = Access.DataAdmin,
        ["PUT /api/v1/sharing/resources/{code}/records/{key}"] = Access.DataAdmin,
        ["GET /api/v1/sharing/resources/{code}/quality"] = Access.SignedIn,
        ["POST /api/v1/sharing/resources/{code}/requests"] = Access.DataAdmin,
        ["GET /api/v1/sharing/requests"] = Access.DataAdmin,
        ["POST /api/v1/sharing/requests/{id}/decision"] = Access.DataAdmin,
        ["POST /api/v1/sharing/requests/{id}/revoke"] = Access.DataAdmin,
        ["POST /api/v1/sharing/resources/{code}/query"] = Access.DepartmentSystem,
        ["GET /api/v1/sharing/evidence"] = Access.DataAdmin,
        ["GET /api/v1/sharing/evidence/verify"] = Access.PlatformAdmin,
        ["POST /api/v1/sharing/evidence/checkpoint"] = Access.PlatformAdmin,
        ["GET /api/v1/sharing/my-data-use"] = Access.SignedIn,
        ["POST /api/v1/sharing/resources/{code}/objections"] = Access.SignedIn,
        ["GET /api/v1/sharing/objections"] = Access.SignedIn,
        ["POST /api/v1/sharing/objections/{id}/answer"] = Access.DataAdmin,

        ["GET /api/v1/hotline/hotspots"] = Access.Staff,
        ["GET /api/v1/hotline/tickets/{id}/answers"] = Access.TicketRecord,
        ["GET /api/v1/hotline/tickets/{id}/handlers"] = Access.TicketRecord,
        ["POST /api/v1/hotline/tickets/{id}/attachments"] = Access.TicketRecord,
        ["GET /api/v1/hotline/tickets/{id}/attachments/{attachmentId}"] = Access.TicketRecord,
        ["GET /api/v1/hotline/categories"] = Access.SignedIn,
        ["PUT /api/v1/hotline/categories/{code}"] = Access.PlatformAdmin,
        ["GET /api/v1/hotline/time-limits"] = Access.Staff,
        ["PUT /api/v1/hotline/time-limits"] = Access.PlatformAdmin,

        // Open311 GeoReport v2 (public, rate-limited; only Open311 tickets, never the caller's contact data)
        ["GET /open311/v2/services.{format}"] = Access.Public,
        ["GET /open311/v2/services/{code}.{format}"] = Access.Public,
        ["GET /open311/v2/requests.{format}"] = Access.Public,
        ["GET /open311/v2/requests/{id}.{format}"] = Access.Public,
        ["POST /open311/v2/requests.{format}"] = Access.Public,
    };
}
