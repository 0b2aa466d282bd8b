using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.Host.Hosting;
using Yiwang.TestKit;

namespace Yiwang.EndToEndTests;

/// <summary>Walks every operation of the OpenAPI document with every kind of caller and checks it against the matrix.</summary>
public sealed class PermissionMatrixTests(YiwangDemoApp app) : IClassFixture<YiwangDemoApp>
{
    private const string Enterprise = "91511602MA62ABCD1G";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private enum Caller
    {
        Anonymous,
        Representative,
        Agent,
        WindowClerk,
        Supervisor,
        PlatformAdminStaff,
        OperatorToken,
        DepartmentSystem,
    }

    [Fact]
    public async Task Every_api_operation_is_in_the_permission_matrix_and_the_matrix_lists_nothing_else()
    {
        var operations = await OperationsAsync();

        operations.Where(o => !PermissionMatrix.Rows.ContainsKey(o)).ShouldBeEmpty("operations missing from PermissionMatrix");
        PermissionMatrix.Rows.Keys.Where(k => !operations.Contains(k)).ShouldBeEmpty("matrix rows with no operation");
    }

    [Fact]
    public async Task Every_operation_answers_every_kind_of_caller_as_the_matrix_says()
    {
        var clients = new Dictionary<Caller, HttpClient>();
        foreach (var caller in Enum.GetValues<Caller>())
        {
            clients[caller] = await ClientAsync(caller);
        }

        var failures = new List<string>();
        foreach (var operation in await OperationsAsync())
        {
            var access = PermissionMatrix.Rows.GetValueOrDefault(operation, Access.PlatformAdmin);
            foreach (var (caller, client) in clients)
            {
                var status = await SendAsync(client, operation);
                var expected = Expected(access, caller);
                if (!expected(status))
                {
                    failures.Add($"{operation} as {caller}: {(int)status} not allowed for {access}");
                }

                ((int)status).ShouldBeLessThan(500, $"{operation} as {caller}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static Func<HttpStatusCode, bool> Expected(Access access, Caller caller)
    {
        bool Allowed(HttpStatusCode s) => s is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        var admin = caller is Caller.PlatformAdminStaff or Caller.OperatorToken;
        var staff = admin || caller is Caller.WindowClerk or Caller.Supervisor;
        return (access, caller) switch
        {
            (Access.Public, _) => Allowed,
            (_, Caller.Anonymous) => s => s == HttpStatusCode.Unauthorized,
            (Access.SignedIn, _) => Allowed,
            (Access.PlatformAdmin, _) => admin ? Allowed : s => s == HttpStatusCode.Forbidden,
            (Access.LegalRepresentative, Caller.Representative) => Allowed,
            (Access.LegalRepresentative, _) => s => s == HttpStatusCode.NotFound,
            (Access.RepresentativeOrAgent, Caller.Representative or Caller.Agent) => s => s == HttpStatusCode.OK,
            (Access.RepresentativeOrAgent, _) => s => s == HttpStatusCode.NotFound,
            (Access.StaffAdmin, _) => admin ? Allowed : s => s == HttpStatusCode.Forbidden,
            (Access.StaffInScope, _) => staff ? s => s == HttpStatusCode.OK : s => s == HttpStatusCode.Forbidden,
            // The probe asks for GA-CLERK (广安区市场监管局): inside the scope of that department's staff and of admins only.
            (Access.StaffRecordInScope, Caller.WindowClerk or Caller.PlatformAdminStaff or Caller.OperatorToken) => s => s == HttpStatusCode.OK,
            (Access.StaffRecordInScope, _) => s => s == HttpStatusCode.NotFound,
            // Probed with an id that exists nowhere: nobody learns anything but 404.
            (Access.CaseRecord, _) => s => s == HttpStatusCode.NotFound,
            (Access.ApplicantOrClerk, Caller.Representative or Caller.Agent or Caller.WindowClerk) => Allowed,
            (Access.ApplicantOrClerk, _) => admin ? Allowed : s => s == HttpStatusCode.Forbidden,
            (Access.HallClerk, Caller.WindowClerk) => Allowed,
            (Access.HallClerk, _) => admin ? Allowed : s => s == HttpStatusCode.Forbidden,
            (Access.Staff, _) => staff ? Allowed : s => s == HttpStatusCode.Forbidden,
            (Access.LicenceRecord, _) => s => s == HttpStatusCode.NotFound,
            (Access.TicketRecord, _) => s => s == HttpStatusCode.NotFound,
            (Access.DataAdmin, _) => admin ? Allowed : s => s == HttpStatusCode.Forbidden,
            (Access.DepartmentSystem, Caller.DepartmentSystem) => Allowed,
            (Access.DepartmentSystem, _) => s => s == HttpStatusCode.Forbidden,
            _ => _ => false,
        };
    }

    private async Task<HashSet<string>> OperationsAsync()
    {
        var document = await app.Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json", _ct);
        var operations = new HashSet<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                operations.Add($"{method.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        return operations;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string operation)
    {
        var space = operation.IndexOf(' ');
        var method = operation[..space];
        var path = operation[(space + 1)..]
            .Replace("/regions/{code}", "/regions/511602")
            .Replace("/departments/{code}", "/departments/GA-SCJG")
            .Replace("/items/{code}", "/items/511602-MZ-001")
            .Replace("/resources/{code}", "/resources/NO-SUCH-RESOURCE")
            .Replace("/categories/{code}", "/categories/nosuchcategory")
            .Replace("/services/{code}", "/services/cxjs")
            .Replace("{attachmentId}", Guid.NewGuid().ToString())
            .Replace("{key}", "no-such-key")
            .Replace("{format}", "json")
            .Replace("{year}", "2024")
            .Replace("{creditCode}", Enterprise)
            .Replace("{grantId}", Guid.NewGuid().ToString())
            .Replace("{loginName}", "GA-CLERK")
            .Replace("{id}", Guid.NewGuid().ToString())
            .Replace("{materialId}", Guid.NewGuid().ToString())
            .Replace("{action}", "accept")
            .Replace("{step}", "accept")
            .Replace("{itemCode}", "511602-SCJG-001")
            .Replace("{region}", "511602")
            .Replace("{issuerCode}", "11511602MB00000012")
            .Replace("{purpose}", "revocation")
            .Replace("{list}", "0");
        var query = path.Contains("add-working-days") ? "?from=2024-01-02&days=1" : path.Contains("count-working-days") ? "?from=2024-01-02&to=2024-01-09" : "";
        using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
        if (method is "POST" or "PUT")
        {
            // An empty object: enough to pass authorisation and be refused by validation, so nothing is changed.
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task<HttpClient> ClientAsync(Caller caller)
    {
        switch (caller)
        {
            case Caller.Anonymous:
                return app.Client();
            case Caller.OperatorToken:
                return app.AdminClient();
            case Caller.DepartmentSystem:
                var registered = await app.AdminClient().PostAsJsonAsync("/api/v1/identity/clients", new { clientId = "matrix-system", departmentCode = "GA-SCJG" }, _ct);
                var secret = (await registered.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("clientSecret").GetString()!;
                var token = await app.Client().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = "matrix-system", ["client_secret"] = secret, ["scope"] = "api",
                }), _ct);
                return new OidcClient(app).Bearer((await token.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("access_token").GetString()!);
            default:
                var login = caller switch
                {
                    Caller.Representative => ("511602199003071232", "Demo2026citizen"),
                    Caller.Agent => ("510107198511124563", "Demo2026citizen"),
                    Caller.WindowClerk => ("GA-CLERK", "Demo2026staff"),
                    Caller.Supervisor => ("WH-SUPERVISOR", "Demo2026staff"),
                    _ => ("PLATFORM-ADMIN", "Demo2026staff"),
                };
                var oidc = new OidcClient(app);
                return oidc.Bearer((await oidc.TokensForAsync(login.Item1, login.Item2)).GetProperty("access_token").GetString()!);
        }
    }
}
