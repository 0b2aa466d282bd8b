using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Licences.Domain;

namespace Yiwang.Modules.Licences.Persistence;

internal class LicencesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "licences";

    public DbSet<LicenceType> Types => Set<LicenceType>();
    public DbSet<Issuer> Issuers => Set<Issuer>();
    public DbSet<IssuerKey> Keys => Set<IssuerKey>();
    public DbSet<Licence> Licences => Set<Licence>();
    public DbSet<LicenceEvent> Events => Set<LicenceEvent>();
    public DbSet<CaseCursor> Cursors => Set<CaseCursor>();
    public DbSet<LicenceUseRecord> Uses => Set<LicenceUseRecord>();
    public DbSet<LicenceObjection> Objections => Set<LicenceObjection>();
    public DbSet<LicenceAuthorisation> Authorisations => Set<LicenceAuthorisation>();
    public DbSet<SharedPresentation> SharedPresentations => Set<SharedPresentation>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LicenceType>(b =>
        {
            b.ToTable("licences_type");
            b.HasKey(t => t.Code);
            b.Property(t => t.Code).HasMaxLength(21);
            b.Property(t => t.Name).HasMaxLength(100);
            b.Property(t => t.DefiningAuthority).HasMaxLength(100);
            b.Property(t => t.IssuerLevel).HasMaxLength(10);
            b.Property(t => t.HolderKind).HasConversion<string>().HasMaxLength(16);
            b.Property(t => t.Fields).HasJsonConversion();
            b.Property(t => t.ProducedBy).HasJsonConversion();
            b.Property(t => t.Replaces).HasJsonConversion();
        });
        modelBuilder.Entity<Issuer>(b =>
        {
            b.ToTable("licences_issuer");
            b.HasKey(i => i.DepartmentCode);
            b.Property(i => i.DepartmentCode).HasMaxLength(32);
            b.Property(i => i.CreditCode).HasMaxLength(18);
            b.HasIndex(i => i.CreditCode).IsUnique();
            b.Property(i => i.Name).HasMaxLength(100);
            b.Property(i => i.Algorithm).HasConversion<string>().HasMaxLength(10);
            b.Property(i => i.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<IssuerKey>(b =>
        {
            b.ToTable("licences_key");
            b.HasKey(k => k.Kid);
            b.Property(k => k.Kid).HasMaxLength(64);
            b.Property(k => k.IssuerCode).HasMaxLength(18);
            b.HasIndex(k => new { k.IssuerCode, k.CreatedAtUtc });
            b.Property(k => k.Algorithm).HasConversion<string>().HasMaxLength(10);
            b.Property(k => k.PublicKey).HasMaxLength(200);
            b.Property(k => k.PrivateKey).HasMaxLength(200);
        });
        modelBuilder.Entity<Licence>(b =>
        {
            b.ToTable("licences_licence");
            b.HasKey(l => l.Id);
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.Identifier).HasMaxLength(100);
            b.HasIndex(l => l.Identifier).IsUnique();
            b.Property(l => l.TypeCode).HasMaxLength(21);
            b.Property(l => l.TypeName).HasMaxLength(100);
            b.Property(l => l.IssuerCode).HasMaxLength(18);
            b.Property(l => l.IssuerName).HasMaxLength(100);
            b.Property(l => l.Serial).HasMaxLength(32);
            b.HasIndex(l => new { l.IssuerCode, l.Serial, l.Version }).IsUnique();
            b.HasIndex(l => new { l.IssuerCode, l.StatusIndex }).IsUnique();
            b.Property(l => l.HolderKind).HasConversion<string>().HasMaxLength(16);
            b.Property(l => l.HolderName).HasMaxLength(100);
            b.Property(l => l.HolderCode).HasMaxLength(18);
            b.Property(l => l.HolderCodeType).HasMaxLength(3);
            b.HasIndex(l => new { l.HolderCode, l.TypeCode });
            b.HasIndex(l => l.HolderAccountId);
            // One licence of a type per case, however often the issuing job sees the case.
            b.HasIndex(l => new { l.SourceCaseId, l.TypeCode, l.Version }).IsUnique();
            b.Property(l => l.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(l => l.StatusReason).HasMaxLength(500);
            b.Property(l => l.PreviousIdentifier).HasMaxLength(100);
            b.Property(l => l.Revision).IsConcurrencyToken();
            b.Property(l => l.Fields).HasJsonConversion();
        });
        modelBuilder.Entity<LicenceEvent>(b =>
        {
            b.ToTable("licences_event");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Serial).HasMaxLength(32);
            b.Property(e => e.IssuerCode).HasMaxLength(18);
            b.HasIndex(e => new { e.IssuerCode, e.Serial });
            b.Property(e => e.Identifier).HasMaxLength(100);
            b.Property(e => e.Action).HasMaxLength(20);
            b.Property(e => e.ActorName).HasMaxLength(100);
            b.Property(e => e.Reason).HasMaxLength(500);
        });
        modelBuilder.Entity<LicenceUseRecord>(b =>
        {
            b.ToTable("licences_use");
            b.HasKey(u => u.Id);
            b.Property(u => u.Id).ValueGeneratedNever();
            b.HasIndex(u => new { u.LicenceId, u.AtUtc });
            b.Property(u => u.Identifier).HasMaxLength(100);
            b.Property(u => u.UsedBy).HasMaxLength(100);
            b.Property(u => u.Purpose).HasMaxLength(200);
        });
        modelBuilder.Entity<LicenceObjection>(b =>
        {
            b.ToTable("licences_objection");
            b.HasKey(o => o.Id);
            b.Property(o => o.Id).ValueGeneratedNever();
            b.Property(o => o.Identifier).HasMaxLength(100);
            b.Property(o => o.IssuerCode).HasMaxLength(18);
            b.Property(o => o.HolderCode).HasMaxLength(18);
            b.HasIndex(o => new { o.IssuerCode, o.State, o.DueAtUtc });
            b.HasIndex(o => o.HolderCode);
            b.Property(o => o.Text).HasMaxLength(1000);
            b.Property(o => o.RaisedBy).HasMaxLength(100);
            b.Property(o => o.RaisedByDepartment).HasMaxLength(32);
            b.HasIndex(o => o.RaisedByDepartment);
            b.HasIndex(o => new { o.State, o.EscalatedAtUtc, o.DueAtUtc });
            b.Property(o => o.State).HasConversion<string>().HasMaxLength(10);
            b.Property(o => o.Answer).HasMaxLength(1000);
            b.Property(o => o.AnsweredBy).HasMaxLength(100);
            b.Property(o => o.CorrectedIdentifier).HasMaxLength(100);
            b.Property(o => o.Revision).IsConcurrencyToken();
            b.Property(o => o.Fields).HasJsonConversion();
        });
        modelBuilder.Entity<LicenceAuthorisation>(b =>
        {
            b.ToTable("licences_authorisation");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Code).HasMaxLength(32);
            b.HasIndex(a => a.Code).IsUnique();
            b.Property(a => a.Identifier).HasMaxLength(100);
            b.Property(a => a.IssuerCode).HasMaxLength(18);
            b.Property(a => a.Serial).HasMaxLength(32);
            b.HasIndex(a => new { a.IssuerCode, a.Serial });
            b.Property(a => a.TypeName).HasMaxLength(100);
            b.Property(a => a.HolderCode).HasMaxLength(18);
            b.Property(a => a.GranteeKind).HasConversion<string>().HasMaxLength(12);
            b.Property(a => a.GranteeCode).HasMaxLength(32);
            b.HasIndex(a => new { a.GranteeKind, a.GranteeCode, a.GrantedAtUtc });
            b.Property(a => a.GranteeName).HasMaxLength(100);
            b.Property(a => a.Purpose).HasMaxLength(200);
            b.Property(a => a.GrantedBy).HasMaxLength(100);
            b.Property(a => a.RevokedBy).HasMaxLength(100);
            b.Property(a => a.Token).HasMaxLength(4000);
            b.Property(a => a.Revision).IsConcurrencyToken();
            b.Property(a => a.Fields).HasJsonConversion();
        });
        modelBuilder.Entity<SharedPresentation>(b =>
        {
            b.ToTable("licences_presentation");
            b.HasKey(p => p.Code);
            b.Property(p => p.Code).HasMaxLength(16);
            b.HasIndex(p => p.LicenceId);
            b.Property(p => p.Presentation).HasMaxLength(20_000);
        });
        modelBuilder.Entity<CaseCursor>(b =>
        {
            b.ToTable("licences_case_cursor");
            b.HasKey(c => c.Name);
            b.Property(c => c.Name).HasMaxLength(32);
            b.Property(c => c.Revision).IsConcurrencyToken();
        });
        modelBuilder.MapAuditTable(Prefix);
    }
}

/// <summary>How far the issuing job has read the completed cases (so a restart neither skips nor repeats).</summary>
internal sealed class CaseCursor
{
    public string Name { get; set; } = "";
    public DateTime SinceUtc { get; set; }
    public int Revision { get; set; }
}

internal sealed class LicencesSqliteDbContext(DbContextOptions<LicencesSqliteDbContext> options) : LicencesDbContext(options);

internal sealed class LicencesPostgresDbContext(DbContextOptions<LicencesPostgresDbContext> options) : LicencesDbContext(options);

internal sealed class LicencesSqliteDesignFactory : IDesignTimeDbContextFactory<LicencesSqliteDbContext>
{
    public LicencesSqliteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeSqlite<LicencesSqliteDbContext>(LicencesDbContext.Prefix));
}

internal sealed class LicencesPostgresDesignFactory : IDesignTimeDbContextFactory<LicencesPostgresDbContext>
{
    public LicencesPostgresDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimePostgres<LicencesPostgresDbContext>(LicencesDbContext.Prefix));
}
