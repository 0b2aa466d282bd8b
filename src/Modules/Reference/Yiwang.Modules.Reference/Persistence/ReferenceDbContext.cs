using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Reference.Domain;

namespace Yiwang.Modules.Reference.Persistence;

internal class ReferenceDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "reference";

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<HolidayDay> HolidayDays => Set<HolidayDay>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(b =>
        {
            b.ToTable("reference_region");
            b.HasKey(r => r.Code);
            b.Property(r => r.Code).HasMaxLength(6);
            b.Property(r => r.Name).HasMaxLength(64);
            b.Property(r => r.Level).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.ParentCode).HasMaxLength(6);
            b.HasIndex(r => r.ParentCode);
        });
        modelBuilder.Entity<Department>(b =>
        {
            b.ToTable("reference_department");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.Code).HasMaxLength(32);
            b.HasIndex(d => d.Code).IsUnique();
            b.Property(d => d.Name).HasMaxLength(100);
            b.Property(d => d.CreditCode).HasMaxLength(18);
            b.HasIndex(d => d.CreditCode).IsUnique();
            b.Property(d => d.RegionCode).HasMaxLength(6);
            b.HasIndex(d => d.RegionCode);
            b.Property(d => d.ParentCode).HasMaxLength(32);
            b.Property(d => d.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<HolidayDay>(b =>
        {
            b.ToTable("reference_holiday_day");
            b.HasKey(h => h.Date);
            b.Property(h => h.Name).HasMaxLength(32);
        });
        modelBuilder.MapAuditTable(Prefix);
    }
}

internal sealed class ReferenceSqliteDbContext(DbContextOptions<ReferenceSqliteDbContext> options) : ReferenceDbContext(options);

internal sealed class ReferencePostgresDbContext(DbContextOptions<ReferencePostgresDbContext> options) : ReferenceDbContext(options);

internal sealed class ReferenceSqliteDesignFactory : IDesignTimeDbContextFactory<ReferenceSqliteDbContext>
{
    public ReferenceSqliteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeSqlite<ReferenceSqliteDbContext>(ReferenceDbContext.Prefix));
}

internal sealed class ReferencePostgresDesignFactory : IDesignTimeDbContextFactory<ReferencePostgresDbContext>
{
    public ReferencePostgresDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimePostgres<ReferencePostgresDbContext>(ReferenceDbContext.Prefix));
}
