using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using Yiwang.Modules.Licences.Jobs;

namespace Yiwang.Modules.Licences.Tests.Features;

public sealed class IssuingFromCasesTests(LicencesApp app) : IClassFixture<LicencesApp>
{
    private const string Item = "511602-SCJG-001";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_approved_case_of_a_producing_item_puts_exactly_one_licence_in_the_applicants_wallet()
    {
        var caseId = await CompletedCaseAsync("Approved");
        var refused = await CompletedCaseAsync("Refused");

        // The job runs every second; run it here too (twice), as another node or a restart would.
        var job = app.Services.GetRequiredService<IssueFromCases>();
        await job.RunOnceAsync(_ct);
        await job.RunOnceAsync(_ct);
        var wallet = await (await app.AsAsync(LicencesApp.Citizen)).GetFromJsonAsync<JsonElement>("/api/v1/licences/mine", _ct);
        var fromCase = new List<JsonElement>();
        foreach (var summary in wallet.EnumerateArray())
        {
            var detail = await (await app.AsAsync(LicencesApp.Citizen)).GetFromJsonAsync<JsonElement>($"/api/v1/licences/{summary.GetProperty("id").GetGuid()}", _ct);
            if (detail.GetProperty("sourceCaseId").ValueKind == JsonValueKind.String)
            {
                fromCase.Add(detail);
            }
        }

        fromCase.Count(d => d.GetProperty("sourceCaseId").GetGuid() == caseId).ShouldBe(1);
        fromCase.ShouldNotContain(d => d.GetProperty("sourceCaseId").GetGuid() == refused);
        var licence = fromCase.Single(d => d.GetProperty("sourceCaseId").GetGuid() == caseId);
        licence.GetProperty("fields").GetProperty("经营者").GetString().ShouldBe("张广安");
        licence.GetProperty("fields").GetProperty("组成形式").GetString().ShouldBe("个人经营");
        licence.GetProperty("fields").GetProperty("登记机关").GetString().ShouldBe("广安市广安区市场监督管理局");
        var presented = await app.PresentAsync(licence.GetProperty("summary").GetProperty("id").GetGuid(), _ct, "经营者");
        LicencesApp.Verdict(await app.VerifyAsync(presented.GetProperty("link").GetString()!, _ct)).ShouldBe("Valid");
    }

    private async Task<Guid> CompletedCaseAsync(string decision)
    {
        var citizen = await app.AsAsync(LicencesApp.Citizen);
        var form = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/form/{Item}", _ct);
        var values = form.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString() ?? "小吃服务");
        var created = await citizen.PostAsJsonAsync("/api/v1/applications", new { itemCode = Item, form = values }, _ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(_ct));
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var id = detail.GetProperty("id").GetGuid();
        foreach (var m in detail.GetProperty("requirements").EnumerateArray().Where(m => m.GetProperty("required").GetBoolean()))
        {
            (await citizen.PostAsync($"/api/v1/applications/{id}/materials", LicencesApp.Pdf(m.GetProperty("name").GetString()!), _ct)).EnsureSuccessStatusCode();
        }

        await ActAsync(LicencesApp.Citizen, id, "submit", new { });
        await ActAsync("GA-CLERK", id, "accept", new { });
        await ActAsync("GA-APPROVER", id, "pass-step", new { opinion = "材料齐全" });
        await ActAsync("GA-APPROVER", id, "decide", new { decision, opinion = "依法审查", legalBasis = "《市场主体登记管理条例》" });
        await ActAsync("GA-CLERK", id, "complete", new { delivery = "Electronic" });
        return id;
    }

    private async Task ActAsync(string login, Guid id, string action, object body)
    {
        var response = await (await app.AsAsync(login)).PostAsJsonAsync($"/api/v1/applications/{id}/actions/{action}", body, _ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {await response.Content.ReadAsStringAsync(_ct)}");
    }
}
