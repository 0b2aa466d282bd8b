using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Evidence;

namespace Yiwang.Modules.Sharing.Persistence;

internal class SharingDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "sharing";

    public DbSet<DataResource> Resources => Set<DataResource>();
    public DbSet<DataRecord> Records => Set<DataRecord>();
    public DbSet<RecordKeyEntry> RecordKeys => Set<RecordKeyEntry>();
    public DbSet<AccessRequest> Requests => Set<AccessRequest>();
    public DbSet<SharingSetting> Settings => Set<SharingSetting>();
    public DbSet<DataObjection> Objections => Set<DataObjection>();
    public DbSet<DaySequence> Sequences => Set<DaySequence>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataResource>(b =>
        {
            b.ToTable("sharing_resource");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Code).HasMaxLength(40);
            b.HasIndex(r => r.Code).IsUnique();
            b.Property(r => r.Name).HasMaxLength(100);
            b.Property(r => r.Summary).HasMaxLength(1000);
            b.Property(r => r.Category).HasMaxLength(50);
            b.Property(r => r.ProviderDepartmentCode).HasMaxLength(32);
            b.HasIndex(r => r.ProviderDepartmentCode);
            b.Property(r => r.Items).HasJsonConversion();
            b.Property(r => r.UpdateCycle).HasMaxLength(10);
            b.Property(r => r.ShareType).HasConversion<string>().HasMaxLength(14);
            b.Property(r => r.ShareCondition).HasMaxLength(500);
            b.Property(r => r.RefusalBasis).HasMaxLength(500);
            b.Property(r => r.OpenType).HasConversion<string>().HasMaxLength(12);
            b.Property(r => r.Source).HasConversion<string>().HasMaxLength(8);
            b.Property(r => r.SourceUrl).HasMaxLength(500);
            b.Property(r => r.SearchText).HasMaxLength(4000);
            b.Property(r => r.Revision).IsConcurrencyToken();
            b.Ignore(r => r.PrimaryKey);
        });
        modelBuilder.Entity<DataRecord>(b =>
        {
            b.ToTable("sharing_record");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.RecordKey).HasMaxLength(64);
            b.HasIndex(r => new { r.ResourceId, r.RecordKey }).IsUnique();
            b.Property(r => r.Values).HasJsonConversion();
        });
        modelBuilder.Entity<RecordKeyEntry>(b =>
        {
            b.ToTable("sharing_record_key");
            b.HasKey(k => new { k.ResourceId, k.Field, k.Value, k.RecordId });
            b.Property(k => k.Field).HasMaxLength(40);
            b.Property(k => k.Value).HasMaxLength(64);
            b.HasIndex(k => k.RecordId);
        });
        modelBuilder.Entity<AccessRequest>(b =>
        {
            b.ToTable("sharing_request");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.Number).HasMaxLength(24);
            b.HasIndex(r => r.Number).IsUnique();
            b.Property(r => r.ResourceCode).HasMaxLength(40);
            b.Property(r => r.ResourceName).HasMaxLength(100);
            b.Property(r => r.ProviderDepartmentCode).HasMaxLength(32);
            b.Property(r => r.ConsumerDepartmentCode).HasMaxLength(32);
            b.Property(r => r.ClientId).HasMaxLength(64);
            b.HasIndex(r => new { r.ResourceId, r.ClientId, r.State });
            b.HasIndex(r => new { r.ProviderDepartmentCode, r.State });
            b.HasIndex(r => r.ConsumerDepartmentCode);
            b.Property(r => r.Items).HasJsonConversion();
            b.Property(r => r.MaskedItems).HasJsonConversion();
            b.Property(r => r.Purpose).HasMaxLength(500);
            b.Property(r => r.LegalBasis).HasMaxLength(500);
            b.Property(r => r.State).HasConversion<string>().HasMaxLength(10);
            b.Property(r => r.Reason).HasMaxLength(500);
            b.Property(r => r.DecidedBy).HasMaxLength(100);
            b.Property(r => r.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<SharingSetting>(b =>
        {
            b.ToTable("sharing_setting");
            b.HasKey(s => s.Name);
            b.Property(s => s.Name).HasMaxLength(40);
            b.Property(s => s.Value).HasMaxLength(200);
        });
        modelBuilder.Entity<DataObjection>(b =>
        {
            b.ToTable("sharing_objection");
            b.HasKey(o => o.Id);
            b.Property(o => o.Id).ValueGeneratedNever();
            b.Property(o => o.ResourceCode).HasMaxLength(40);
            b.Property(o => o.ProviderDepartmentCode).HasMaxLength(32);
            b.HasIndex(o => new { o.ProviderDepartmentCode, o.State });
            b.Property(o => o.RecordKey).HasMaxLength(64);
            b.Property(o => o.Item).HasMaxLength(40);
            b.Property(o => o.ValueAtObjection).HasMaxLength(500);
            b.Property(o => o.ProposedValue).HasMaxLength(500);
            b.Property(o => o.Reason).HasMaxLength(500);
            b.Property(o => o.RaisedBy).HasMaxLength(64);
            b.HasIndex(o => o.RaisedBy);
            b.Property(o => o.State).HasMaxLength(10);
            b.Property(o => o.Answer).HasMaxLength(500);
            b.Property(o => o.AnsweredBy).HasMaxLength(100);
            b.Property(o => o.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<DaySequence>(b =>
        {
            b.ToTable("sharing_sequence");
            b.HasKey(s => new { s.Scope, s.Day });
            b.Property(s => s.Scope).HasMaxLength(32);
            b.Property(s => s.Day).HasMaxLength(8);
        });
        modelBuilder.MapAuditTable(Prefix);
    }
}

/// <summary>Request numbers per day (see <see cref="DailySequences"/>).</summary>
internal sealed class DaySequence
{
    public string Scope { get; set; } = "";
    public string Day { get; set; } = "";
    public int NextValue { get; set; }
}

internal sealed class SharingSqliteDbContext(DbContextOptions<SharingSqliteDbContext> options) : SharingDbContext(options);

internal sealed class SharingPostgresDbContext(DbContextOptions<SharingPostgresDbContext> options) : SharingDbContext(options);

internal sealed class SharingSqliteDesignFactory : IDesignTimeDbContextFactory<SharingSqliteDbContext>
{
    public SharingSqliteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeSqlite<SharingSqliteDbContext>(SharingDbContext.Prefix));
}

internal sealed class SharingPostgresDesignFactory : IDesignTimeDbContextFactory<SharingPostgresDbContext>
{
    public SharingPostgresDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimePostgres<SharingPostgresDbContext>(SharingDbContext.Prefix));
}
