using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shouldly;
using Yiwang.TestKit;

namespace Yiwang.Modules.Cases.Tests;

/// <summary>Records messages instead of sending them.</summary>
public sealed class RecordingChannel : Contracts.ICaseNotificationChannel
{
    public System.Collections.Concurrent.ConcurrentQueue<(Guid AccountId, string? Phone, string Text)> Sent { get; } = new();

    public Task SendAsync(Guid accountId, string? phone, string text, CancellationToken ct)
    {
        Sent.Enqueue((accountId, phone, text));
        return Task.CompletedTask;
    }
}

/// <summary>The demo platform with a movable clock, and helpers to act as the demo people.</summary>
public sealed class CasesApp : YiwangDemoApp
{
    public const string Item = "511602-SCJG-001";
    public const string Citizen = "511602199003071232";
    public const string Agent = "510107198511124563";
    public ShiftableClock Clock { get; } = new();

    /// <summary>A second notification channel (as an SMS gateway would be), recording what it was asked to send.</summary>
    public RecordingChannel Sms { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        services.AddSingleton<Contracts.ICaseNotificationChannel>(Sms);
    }

    public static MultipartFormDataContent Pdf(string materialName, string fileName = "scan.pdf", string body = "%PDF-1.7\n% test material\n")
    {
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent(materialName), "materialName" }, { file, "file", fileName } };
    }

    /// <summary>A citizen's draft for the demo item with every required material uploaded; returns its id.</summary>
    public async Task<Guid> DraftWithMaterialsAsync(string item = Item, CancellationToken ct = default)
    {
        var citizen = await AsAsync(Citizen);
        var form = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/applications/form/{item}", ct);
        var values = form.GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetString() ?? "申请办理");
        var created = await citizen.PostAsJsonAsync("/api/v1/applications", new { itemCode = item, form = values }, ct);
        created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var detail = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = detail.GetProperty("id").GetGuid();
        foreach (var m in detail.GetProperty("requirements").EnumerateArray().Where(m => m.GetProperty("required").GetBoolean()))
        {
            var upload = await citizen.PostAsync($"/api/v1/applications/{id}/materials", Pdf(m.GetProperty("name").GetString()!), ct);
            upload.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await upload.Content.ReadAsStringAsync(ct));
        }

        return id;
    }

    public async Task<JsonElement> ActAsync(string login, Guid id, string action, object? body = null, System.Net.HttpStatusCode expect = System.Net.HttpStatusCode.OK, CancellationToken ct = default)
    {
        var client = await AsAsync(login);
        var response = await client.PostAsJsonAsync($"/api/v1/applications/{id}/actions/{action}", body ?? new { }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        response.StatusCode.ShouldBe(expect, $"{action} by {login}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task<JsonElement> SubmittedCaseAsync(CancellationToken ct = default)
    {
        var id = await DraftWithMaterialsAsync(ct: ct);
        return await ActAsync(Citizen, id, "submit", ct: ct);
    }
}
