using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Sharing.Domain;
using Yiwang.Modules.Sharing.Evidence;

namespace Yiwang.Modules.Sharing.Persistence;

/// <summary>
/// The evidence log's store (存证库): the log, its head, checkpoints, the subject index and the quota counts the log keeps
/// with each commit. On SQLite it is a file of its own (<see cref="EvidenceStore"/>): the log commits hundreds of times a
/// second, and every commit to a file makes SQLite drop the page cache of every other connection to it, so in the main
/// file it made each lookup read its records from the disk cache again. On PostgreSQL it is the same database.
/// </summary>
internal class EvidenceDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The prefix of its migrations history table (its tables keep the module's <c>sharing_</c> prefix).</summary>
    public const string Prefix = "sharing_evidence";

    public DbSet<EvidenceRecord> Evidence => Set<EvidenceRecord>();
    public DbSet<EvidenceSubject> EvidenceSubjects => Set<EvidenceSubject>();
    public DbSet<SubjectIndexMark> SubjectMarks => Set<SubjectIndexMark>();
    public DbSet<ChainHead> Heads => Set<ChainHead>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<GrantUsage> Usage => Set<GrantUsage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EvidenceRecord>(b =>
        {
            b.ToTable("sharing_evidence");
            b.HasKey(r => r.Seq);
            b.Property(r => r.Seq).ValueGeneratedNever();
            b.Property(r => r.ClientId).HasMaxLength(64);
            b.Property(r => r.ConsumerDepartmentCode).HasMaxLength(32);
            b.Property(r => r.ProviderDepartmentCode).HasMaxLength(32);
            b.Property(r => r.ResourceCode).HasMaxLength(40);
            b.Property(r => r.Items).HasMaxLength(2000);
            b.Property(r => r.Purpose).HasMaxLength(200);
            b.Property(r => r.CaseRef).HasMaxLength(60);
            b.Property(r => r.Subjects).HasMaxLength(4000);
            b.Property(r => r.Outcome).HasMaxLength(40);
            b.Property(r => r.Hash).HasMaxLength(64);
            b.HasIndex(r => new { r.ProviderDepartmentCode, r.Seq });
            b.HasIndex(r => new { r.ConsumerDepartmentCode, r.Seq });
        });
        modelBuilder.Entity<EvidenceSubject>(b =>
        {
            b.ToTable("sharing_evidence_subject");
            b.HasKey(s => new { s.Digest, s.Seq });
            b.Property(s => s.Digest).HasMaxLength(64);
        });
        modelBuilder.Entity<SubjectIndexMark>(b =>
        {
            b.ToTable("sharing_subject_mark");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.HasData(new SubjectIndexMark { Id = 1, IndexedSeq = 0 });
        });
        modelBuilder.Entity<ChainHead>(b =>
        {
            b.ToTable("sharing_chain_head");
            b.HasKey(h => h.Id);
            b.Property(h => h.Id).ValueGeneratedNever();
            b.Property(h => h.LastHash).HasMaxLength(64);
            b.HasData(new ChainHead { Id = 1, LastSeq = 0, LastHash = EvidenceChain.Genesis });
        });
        modelBuilder.Entity<Checkpoint>(b =>
        {
            b.ToTable("sharing_checkpoint");
            b.HasKey(c => c.Seq);
            b.Property(c => c.Seq).ValueGeneratedNever();
            b.Property(c => c.Hash).HasMaxLength(64);
            b.Property(c => c.Kid).HasMaxLength(100);
            b.Property(c => c.Alg).HasMaxLength(10);
            b.Property(c => c.Signature).HasMaxLength(200);
        });
        modelBuilder.Entity<GrantUsage>(b =>
        {
            b.ToTable("sharing_usage");
            b.HasKey(u => new { u.GrantId, u.Day });
            b.Property(u => u.Day).HasMaxLength(8);
        });
    }
}

/// <summary>Where the evidence log lives: <c>sharing-evidence.db</c> beside the main file on SQLite, the same database on PostgreSQL.</summary>
internal sealed record EvidenceStore(DatabaseSettings Database)
{
    public static EvidenceStore For(DatabaseSettings main) => new(main.Store("sharing-evidence"));
}

internal sealed class EvidenceSqliteDbContext(DbContextOptions<EvidenceSqliteDbContext> options) : EvidenceDbContext(options);

internal sealed class EvidencePostgresDbContext(DbContextOptions<EvidencePostgresDbContext> options) : EvidenceDbContext(options);

internal sealed class EvidenceSqliteDesignFactory : IDesignTimeDbContextFactory<EvidenceSqliteDbContext>
{
    public EvidenceSqliteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeSqlite<EvidenceSqliteDbContext>(EvidenceDbContext.Prefix));
}

internal sealed class EvidencePostgresDesignFactory : IDesignTimeDbContextFactory<EvidencePostgresDbContext>
{
    public EvidencePostgresDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimePostgres<EvidencePostgresDbContext>(EvidenceDbContext.Prefix));
}
