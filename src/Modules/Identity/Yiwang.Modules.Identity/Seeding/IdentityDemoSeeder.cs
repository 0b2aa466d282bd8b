using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Yiwang.Kernel;
using Yiwang.Kernel.Modules;
using Yiwang.Modules.Identity.Contracts;
using Yiwang.Modules.Identity.Domain;
using Yiwang.Modules.Identity.Persistence;

namespace Yiwang.Modules.Identity.Seeding;

/// <summary>
/// Demo people: two citizens, an enterprise with its representative and an agent, staff in two departments of two
/// regions, and a demo third-party app. The credentials are printed; they are demo data, never for production.
/// </summary>
internal sealed class IdentityDemoSeeder(IdentityDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock) : IDemoSeeder
{
    public const string CitizenPassword = "Demo2026citizen";
    public const string StaffPassword = "Demo2026staff";
    public const string RepresentativeId = "511602199003071232";
    public const string AgentId = "510107198511124563";
    public const string EnterpriseCode = "91511602MA62ABCD1G";
    public const string DemoAppClientId = "yiwang-demo-app";
    public const string DemoSystemClientId = "wh-mz-marriage";
    public const string DemoSystemSecret = "demo-system-secret-2026";
    public const string DemoAppRedirect = "http://127.0.0.1:5080/demo-app/callback";

    public int Order => 50;

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        async Task<Account> Ensure(string login, Func<Account> create)
        {
            var existing = await db.Accounts.FirstOrDefaultAsync(a => a.LoginName == login, ct);
            if (existing is not null)
            {
                return existing;
            }

            var account = create();
            db.Accounts.Add(account);
            added++;
            return account;
        }

        var representative = await Ensure(RepresentativeId, () => Account.RegisterCitizen(Ids.New(clock), "张广安", RepresentativeId, "13800000001", CitizenPassword, now).Value!);
        var agent = await Ensure(AgentId, () => Account.RegisterCitizen(Ids.New(clock), "李武侯", AgentId, "13800000002", CitizenPassword, now).Value!);
        await Ensure("GA-CLERK", () => Account.CreateStaff(Ids.New(clock), "GA-CLERK", "王窗口", StaffPassword, "GA-SCJG", "511602", [IdentityRoles.WindowClerk], DataScope.Department, now));
        await Ensure("GA-APPROVER", () => Account.CreateStaff(Ids.New(clock), "GA-APPROVER", "赵审批", StaffPassword, "GA-SCJG", "511602", [IdentityRoles.Approver], DataScope.Department, now));
        await Ensure("WH-CLERK", () => Account.CreateStaff(Ids.New(clock), "WH-CLERK", "陈窗口", StaffPassword, "WH-MZ", "510107", [IdentityRoles.WindowClerk], DataScope.Department, now));
        await Ensure("WH-SUPERVISOR", () => Account.CreateStaff(Ids.New(clock), "WH-SUPERVISOR", "周监督", StaffPassword, "WH-MZ", "510107", [IdentityRoles.Supervisor], DataScope.Region, now));
        await Ensure("HOTLINE-AGENT", () => Account.CreateStaff(Ids.New(clock), "HOTLINE-AGENT", "孙热线", StaffPassword, "GA-12345", "511600", [IdentityRoles.HotlineAgent], DataScope.Region, now));
        await Ensure("GA-DATA", () => Account.CreateStaff(Ids.New(clock), "GA-DATA", "钱数据", StaffPassword, "GA-SCJG", "511602", [IdentityRoles.DataAdmin], DataScope.Department, now));
        await Ensure("WH-DATA", () => Account.CreateStaff(Ids.New(clock), "WH-DATA", "吴数据", StaffPassword, "WH-MZ", "510107", [IdentityRoles.DataAdmin], DataScope.Department, now));
        await Ensure("PLATFORM-ADMIN", () => Account.CreateStaff(Ids.New(clock), "PLATFORM-ADMIN", "平台管理员", StaffPassword, "GA-SCJG", "511602", [IdentityRoles.PlatformAdmin], DataScope.All, now));
        await db.SaveChangesAsync(ct);

        if (!await db.LegalPersons.AnyAsync(l => l.CreditCode == EnterpriseCode, ct))
        {
            var enterprise = LegalPerson.Register(Ids.New(clock), EnterpriseCode, "广安示范商贸有限公司", representative.Id, now);
            db.LegalPersons.Add(enterprise);
            db.AgentGrants.Add(AgentGrant.Grant(Ids.New(clock), enterprise.Id, agent.Id, [], now.UtcDateTime.AddYears(1), representative.Id, now).Value!);
            await db.SaveChangesAsync(ct);
        }

        if (await applications.FindByClientIdAsync(DemoAppClientId, ct) is null)
        {
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = DemoAppClientId,
                ClientType = OpenIddictConstants.ClientTypes.Public,
                DisplayName = "示范第三方应用",
                RedirectUris = { new Uri(DemoAppRedirect) },
                PostLogoutRedirectUris = { new Uri("http://127.0.0.1:5080/") },
                Permissions =
                {
                    OpenIddictConstants.Permissions.Endpoints.Authorization,
                    OpenIddictConstants.Permissions.Endpoints.Token,
                    OpenIddictConstants.Permissions.Endpoints.EndSession,
                    OpenIddictConstants.Permissions.Endpoints.Revocation,
                    OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode,
                    OpenIddictConstants.Permissions.GrantTypes.RefreshToken,
                    OpenIddictConstants.Permissions.ResponseTypes.Code,
                    OpenIddictConstants.Permissions.Scopes.Profile,
                    OpenIddictConstants.Permissions.Prefixes.Scope + "api",
                },
                Requirements = { OpenIddictConstants.Requirements.Features.ProofKeyForCodeExchange },
            }, ct);
        }

        if (await applications.FindByClientIdAsync(DemoSystemClientId, ct) is null)
        {
            var system = new OpenIddictApplicationDescriptor
            {
                ClientId = DemoSystemClientId,
                ClientSecret = DemoSystemSecret,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                DisplayName = "武侯区民政局婚姻登记系统",
                Permissions =
                {
                    OpenIddictConstants.Permissions.Endpoints.Token,
                    OpenIddictConstants.Permissions.Endpoints.Revocation,
                    OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                    OpenIddictConstants.Permissions.Prefixes.Scope + "api",
                },
            };
            system.Properties["department"] = System.Text.Json.JsonSerializer.SerializeToElement("WH-MZ");
            await applications.CreateAsync(system, ct);
        }

        var sb = new StringBuilder();
        sb.AppendLine($"identity: {added} demo accounts added. Sign in at /account/sign-in (demo credentials, never for production):");
        sb.AppendLine($"  citizen / legal representative 张广安: {RepresentativeId} / {CitizenPassword} (enterprise {EnterpriseCode})");
        sb.AppendLine($"  citizen / agent of the enterprise 李武侯: {AgentId} / {CitizenPassword}");
        sb.AppendLine($"  staff 广安区市场监管局: GA-CLERK (window clerk), GA-APPROVER (approver) / {StaffPassword}");
        sb.AppendLine($"  staff 武侯区民政局: WH-CLERK (window clerk), WH-SUPERVISOR (supervisor, region scope) / {StaffPassword}");
        sb.AppendLine($"  12345 hotline agent of 广安市 (region scope): HOTLINE-AGENT / {StaffPassword}");
        sb.AppendLine($"  data admins (数据管理员): GA-DATA (广安区市场监管局), WH-DATA (武侯区民政局) / {StaffPassword}");
        sb.AppendLine($"  platform admin: PLATFORM-ADMIN / {StaffPassword}");
        sb.AppendLine($"  department system of 武侯区民政局 (client credentials): {DemoSystemClientId} / {DemoSystemSecret}");
        sb.Append($"  OIDC demo app (public, PKCE): client_id {DemoAppClientId}, redirect_uri {DemoAppRedirect}");
        return sb.ToString();
    }
}
