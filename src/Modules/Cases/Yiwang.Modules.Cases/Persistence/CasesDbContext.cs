using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Yiwang.Kernel.Auditing;
using Yiwang.Kernel.Persistence;
using Yiwang.Modules.Cases.Domain;

namespace Yiwang.Modules.Cases.Persistence;

internal class CasesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Prefix = "cases";

    public DbSet<ServiceCase> Cases => Set<ServiceCase>();
    public DbSet<CaseEvent> Events => Set<CaseEvent>();
    public DbSet<CaseMaterial> Materials => Set<CaseMaterial>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<TimeAlert> Alerts => Set<TimeAlert>();
    public DbSet<Rating> Ratings => Set<Rating>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<HallTicket> Tickets => Set<HallTicket>();
    public DbSet<SequenceCounter> Sequences => Set<SequenceCounter>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ServiceCase>(b =>
        {
            b.ToTable("cases_case");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.Property(c => c.Number).HasMaxLength(32);
            b.HasIndex(c => c.Number).IsUnique();
            b.Property(c => c.QueryCode).HasMaxLength(16);
            b.Property(c => c.ItemCode).HasMaxLength(64);
            b.Property(c => c.DepartmentCode).HasMaxLength(32);
            b.Property(c => c.RegionCode).HasMaxLength(12);
            b.Property(c => c.LegalPersonCreditCode).HasMaxLength(18);
            b.Property(c => c.CreatedBy).HasMaxLength(128);
            b.Property(c => c.IdempotencyKey).HasMaxLength(64);
            b.HasIndex(c => new { c.CreatedBy, c.IdempotencyKey }).IsUnique();
            b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
            b.Property(c => c.ResumeState).HasConversion<string>().HasMaxLength(20);
            b.Property(c => c.Decision).HasConversion<string>().HasMaxLength(10);
            b.Property(c => c.Delivery).HasConversion<string>().HasMaxLength(12);
            b.Property(c => c.SpecialKind).HasMaxLength(20);
            b.Property(c => c.Revision).IsConcurrencyToken();
            b.Property(c => c.Item).HasJsonConversion();
            b.Property(c => c.Applicant).HasJsonConversion();
            b.Property(c => c.Form).HasJsonConversion();
            b.Property(c => c.SupplementItems).HasJsonConversion();
            // Work queues: scope (department or region) first, then the running due instant (lights) or creation time.
            b.HasIndex(c => new { c.DepartmentCode, c.RunningDueAtUtc });
            b.HasIndex(c => new { c.RegionCode, c.RunningDueAtUtc });
            b.HasIndex(c => new { c.DepartmentCode, c.CreatedAtUtc });
            b.HasIndex(c => new { c.RegionCode, c.CreatedAtUtc });
            // The sweep: only cases not yet flagged, by the instant that raises them.
            b.HasIndex(c => new { c.OverdueRaisedAtUtc, c.RunningDueAtUtc });
            b.HasIndex(c => new { c.WarningRaisedAtUtc, c.RunningWarnAtUtc });
            b.HasIndex(c => c.ApplicantAccountId);
            // The feed of completed cases other modules read (licences issue from it).
            b.HasIndex(c => new { c.CompletedAtUtc, c.Id });
            b.HasIndex(c => c.LegalPersonCreditCode);
            b.HasIndex(c => c.UpdatedAtUtc);
        });
        modelBuilder.Entity<CaseEvent>(b =>
        {
            b.ToTable("cases_event");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Action).HasMaxLength(40);
            b.Property(e => e.StepName).HasMaxLength(100);
            b.Property(e => e.FromState).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.ToState).HasConversion<string>().HasMaxLength(20);
            b.Property(e => e.ActorId).HasMaxLength(128);
            b.Property(e => e.ActorName).HasMaxLength(128);
            b.HasIndex(e => new { e.CaseId, e.AtUtc });
        });
        modelBuilder.Entity<CaseMaterial>(b =>
        {
            b.ToTable("cases_material");
            b.HasKey(m => m.Id);
            b.Property(m => m.Id).ValueGeneratedNever();
            b.Property(m => m.MaterialName).HasMaxLength(200);
            b.Property(m => m.FileName).HasMaxLength(200);
            b.Property(m => m.ContentType).HasMaxLength(100);
            b.Property(m => m.Sha256).HasMaxLength(64);
            b.Property(m => m.UploadedBy).HasMaxLength(128);
            b.Property(m => m.Review).HasConversion<string>().HasMaxLength(10);
            b.Property(m => m.ReviewedBy).HasMaxLength(128);
            b.HasIndex(m => m.CaseId);
            b.Property(m => m.LicenceIdentifier).HasMaxLength(100);
        });
        modelBuilder.Entity<Notification>(b =>
        {
            b.ToTable("cases_notification");
            b.HasKey(n => n.Id);
            b.Property(n => n.Id).ValueGeneratedNever();
            b.HasIndex(n => new { n.AccountId, n.CreatedAtUtc });
        });
        modelBuilder.Entity<TimeAlert>(b =>
        {
            b.ToTable("cases_alert");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
            b.HasIndex(a => new { a.SubjectId, a.Kind, a.Round }).IsUnique();
            b.Property(a => a.CaseNumber).HasMaxLength(32);
            b.Property(a => a.DepartmentCode).HasMaxLength(32);
            b.Property(a => a.RegionCode).HasMaxLength(12);
            b.Property(a => a.Text).HasMaxLength(300);
            b.HasIndex(a => a.RaisedAtUtc);
        });
        modelBuilder.Entity<Rating>(b =>
        {
            b.ToTable("cases_rating");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.Property(r => r.SubjectKind).HasMaxLength(10);
            b.Property(r => r.DepartmentCode).HasMaxLength(32);
            b.Property(r => r.RegionCode).HasMaxLength(12);
            b.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Channel).HasMaxLength(20);
            b.Property(r => r.RaterId).HasMaxLength(128);
            b.HasIndex(r => new { r.SubjectId, r.Sequence }).IsUnique();
            b.HasIndex(r => new { r.DepartmentCode, r.RatedAtUtc });
        });
        modelBuilder.Entity<Rectification>(b =>
        {
            b.ToTable("cases_rectification");
            b.HasKey(r => r.Id);
            b.Property(r => r.Id).ValueGeneratedNever();
            b.HasIndex(r => r.RatingId).IsUnique();
            b.Property(r => r.DepartmentCode).HasMaxLength(32);
            b.Property(r => r.RegionCode).HasMaxLength(12);
            b.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
            b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.ClosedBy).HasMaxLength(128);
            b.Property(r => r.Revision).IsConcurrencyToken();
            b.HasIndex(r => new { r.State, r.DueAtUtc });
        });
        modelBuilder.Entity<HallTicket>(b =>
        {
            b.ToTable("cases_hall_ticket");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.HallCode).HasMaxLength(12);
            b.Property(t => t.Day).HasMaxLength(8);
            b.Property(t => t.CallNumber).HasMaxLength(8);
            b.Property(t => t.QueryCode).HasMaxLength(16);
            b.Property(t => t.ItemCode).HasMaxLength(64);
            b.Property(t => t.State).HasConversion<string>().HasMaxLength(10);
            b.Property(t => t.Window).HasMaxLength(20);
            b.Property(t => t.CalledBy).HasMaxLength(128);
            b.Property(t => t.Revision).IsConcurrencyToken();
            b.HasIndex(t => new { t.HallCode, t.Day, t.Sequence }).IsUnique();
            b.HasIndex(t => new { t.State, t.TakenAtUtc });
        });
        modelBuilder.Entity<SequenceCounter>(b =>
        {
            b.ToTable("cases_sequence");
            b.HasKey(s => new { s.Scope, s.Day });
            b.Property(s => s.Scope).HasMaxLength(32);
            b.Property(s => s.Day).HasMaxLength(8);
        });
        modelBuilder.MapAuditTable(Prefix);
    }
}

internal sealed class CasesSqliteDbContext(DbContextOptions<CasesSqliteDbContext> options) : CasesDbContext(options);

internal sealed class CasesPostgresDbContext(DbContextOptions<CasesPostgresDbContext> options) : CasesDbContext(options);

internal sealed class CasesSqliteDesignFactory : IDesignTimeDbContextFactory<CasesSqliteDbContext>
{
    public CasesSqliteDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimeSqlite<CasesSqliteDbContext>(CasesDbContext.Prefix));
}

internal sealed class CasesPostgresDesignFactory : IDesignTimeDbContextFactory<CasesPostgresDbContext>
{
    public CasesPostgresDbContext CreateDbContext(string[] args) =>
        new(ModuleDbContextRegistration.DesignTimePostgres<CasesPostgresDbContext>(CasesDbContext.Prefix));
}
