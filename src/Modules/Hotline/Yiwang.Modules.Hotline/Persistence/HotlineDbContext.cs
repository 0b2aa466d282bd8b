using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Hotline.Domain;

namespace Yiwang.Modules.Hotline.Persistence;

internal class HotlineDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "hotline";

    public DbSet<RoutingRule> Routes => Set<RoutingRule>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RoutingRule>(b =>
        {
            b.ToTable("hotline_route");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Category).HasMaxLength(50);
            b.Property(r => r.RegionCode).HasMaxLength(6);
            b.HasIndex(r => new { r.Category, r.RegionCode }).IsUnique();
            b.Property(r => r.DepartmentCode).HasMaxLength(32);
            b.Property(r => r.Revision).IsConcurrencyToken();
        });
        modelBuilder.MapAuditTable(Prefix);
    }
}

internal sealed class HotlineSqliteDbContext(DbContextOptions<HotlineSqliteDbContext> options) : HotlineDbContext(options);

internal sealed class HotlinePostgresDbContext(DbContextOptions<HotlinePostgresDbContext> options) : HotlineDbContext(options);

internal sealed class HotlineSqliteDesignFactory : IDesignTimeDbContextFactory<HotlineSqliteDbContext>
{
    public HotlineSqliteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeSqlite<HotlineSqliteDbContext>(HotlineDbContext.Prefix));
}

internal sealed class HotlinePostgresDesignFactory : IDesignTimeDbContextFactory<HotlinePostgresDbContext>
{
    public HotlinePostgresDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimePostgres<HotlinePostgresDbContext>(HotlineDbContext.Prefix));
}
