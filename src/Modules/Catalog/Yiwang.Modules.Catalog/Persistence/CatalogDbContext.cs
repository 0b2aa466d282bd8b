using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Design;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Catalog.Contracts;
using Yiwang.Modules.Catalog.Domain;

namespace Yiwang.Modules.Catalog.Persistence;

internal class CatalogDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "catalog";

    public static readonly JsonSerializerOptions GuideJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DbSet<ServiceItem> Items => Set<ServiceItem>();
    public DbSet<ItemVersion> Versions => Set<ItemVersion>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceItem>(b =>
        {
            b.ToTable("catalog_item");
            b.HasKey(i => i.Id);
            b.Property(i => i.Id).ValueGeneratedNever();
            b.Property(i => i.Code).HasMaxLength(64);
            b.HasIndex(i => i.Code).IsUnique();
            b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(i => i.BasicCode).HasMaxLength(64);
            b.HasIndex(i => i.BasicCode);
            b.Property(i => i.RegionCode).HasMaxLength(6);
            b.Property(i => i.DepartmentCode).HasMaxLength(32);
            b.Property(i => i.DepartmentName).HasMaxLength(100);
            b.Property(i => i.Revision).IsConcurrencyToken();
            b.HasIndex(i => i.UpdatedAtUtc);
        });
        modelBuilder.Entity<ItemVersion>(b =>
        {
            b.ToTable("catalog_item_version");
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.HasIndex(v => new { v.ItemId, v.Version }).IsUnique();
            b.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
            b.Property(v => v.Name).HasMaxLength(200);
            b.Property(v => v.Guide).HasConversion(
                g => JsonSerializer.Serialize(g, GuideJson),
                s => JsonSerializer.Deserialize<ItemGuide>(s, GuideJson)!,
                new ValueComparer<ItemGuide>((a, b) => ReferenceEquals(a, b), g => g.GetHashCode(), g => g));
        });
        modelBuilder.MapAuditTable(Prefix);
    }
}

internal sealed class CatalogSqliteDbContext(DbContextOptions<CatalogSqliteDbContext> options) : CatalogDbContext(options);

internal sealed class CatalogPostgresDbContext(DbContextOptions<CatalogPostgresDbContext> options) : CatalogDbContext(options);

internal sealed class CatalogSqliteDesignFactory : IDesignTimeDbContextFactory<CatalogSqliteDbContext>
{
    public CatalogSqliteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeSqlite<CatalogSqliteDbContext>(CatalogDbContext.Prefix));
}

internal sealed class CatalogPostgresDesignFactory : IDesignTimeDbContextFactory<CatalogPostgresDbContext>
{
    public CatalogPostgresDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimePostgres<CatalogPostgresDbContext>(CatalogDbContext.Prefix));
}
