using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenIddict.EntityFrameworkCore.Models;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Identity.Domain;

namespace Yiwang.Modules.Identity.Persistence;

internal class IdentityDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "identity";

    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<LegalPerson> LegalPersons => Set<LegalPerson>();
    public DbSet<AgentGrant> AgentGrants => Set<AgentGrant>();
    public DbSet<KeyMaterial> Keys => Set<KeyMaterial>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Account>(b =>
        {
            b.ToTable("identity_account");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.LoginName).HasMaxLength(64);
            b.HasIndex(a => a.LoginName).IsUnique();
            b.Property(a => a.Name).HasMaxLength(50);
            b.Property(a => a.IdNumber).HasMaxLength(18);
            b.Property(a => a.Phone).HasMaxLength(11);
            b.Property(a => a.TrustLevel).HasConversion<string>().HasMaxLength(24);
            b.Property(a => a.PasswordHash).HasMaxLength(200);
            b.Property(a => a.DepartmentCode).HasMaxLength(32);
            b.Property(a => a.RegionCode).HasMaxLength(6);
            b.Property(a => a.Roles).HasMaxLength(300);
            b.Property(a => a.Scope).HasConversion<string>().HasMaxLength(16);
            b.Property(a => a.Revision).IsConcurrencyToken();
            b.Ignore(a => a.RoleList);
        });
        modelBuilder.Entity<LegalPerson>(b =>
        {
            b.ToTable("identity_legal_person");
            b.HasKey(l => l.Id);
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.CreditCode).HasMaxLength(18);
            b.HasIndex(l => l.CreditCode).IsUnique();
            b.Property(l => l.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<AgentGrant>(b =>
        {
            b.ToTable("identity_agent_grant");
            b.HasKey(g => g.Id);
            b.Property(g => g.Id).ValueGeneratedNever();
            b.Property(g => g.Items).HasMaxLength(2000);
            b.HasIndex(g => g.AgentId);
            b.HasIndex(g => g.LegalPersonId);
        });
        modelBuilder.Entity<KeyMaterial>(b =>
        {
            b.ToTable("identity_key");
            b.HasKey(k => k.Id);
            b.Property(k => k.Id).ValueGeneratedNever();
            b.Property(k => k.Purpose).HasMaxLength(16);
            b.Property(k => k.Material).HasMaxLength(8000);
        });
        modelBuilder.Entity<OneTimeCode>(b =>
        {
            b.ToTable("identity_one_time_code");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Purpose).HasMaxLength(32);
            b.Property(c => c.CodeHash).HasMaxLength(64);
            b.HasIndex(c => new { c.AccountId, c.Purpose, c.CreatedAtUtc });
        });
        modelBuilder.MapAuditTable(Prefix);

        // OpenID Connect server data (clients, authorizations, scopes, tokens), under this module's prefix.
        modelBuilder.UseOpenIddict<Guid>();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("identity_oidc_application");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("identity_oidc_authorization");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("identity_oidc_scope");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("identity_oidc_token");
    }
}

internal sealed class IdentitySqliteDbContext(DbContextOptions<IdentitySqliteDbContext> options) : IdentityDbContext(options);

internal sealed class IdentityPostgresDbContext(DbContextOptions<IdentityPostgresDbContext> options) : IdentityDbContext(options);

internal sealed class IdentitySqliteDesignFactory : IDesignTimeDbContextFactory<IdentitySqliteDbContext>
{
    public IdentitySqliteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeSqlite<IdentitySqliteDbContext>(IdentityDbContext.Prefix));
}

internal sealed class IdentityPostgresDesignFactory : IDesignTimeDbContextFactory<IdentityPostgresDbContext>
{
    public IdentityPostgresDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimePostgres<IdentityPostgresDbContext>(IdentityDbContext.Prefix));
}
