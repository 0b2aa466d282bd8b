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
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketEvent> Events => Set<TicketEvent>();
    public DbSet<CoHandler> CoHandlers => Set<CoHandler>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<TimeLimit> TimeLimits => Set<TimeLimit>();
    public DbSet<TicketAttachment> Attachments => Set<TicketAttachment>();
    public DbSet<DaySequence> Sequences => Set<DaySequence>();
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
        modelBuilder.Entity<Ticket>(b =>
        {
            b.ToTable("hotline_ticket");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.Number).HasMaxLength(40);
            b.HasIndex(t => t.Number).IsUnique();
            b.Property(t => t.Channel).HasConversion<string>().HasMaxLength(10);
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(14);
            b.Property(t => t.State).HasConversion<string>().HasMaxLength(12);
            b.Property(t => t.CallerName).HasMaxLength(50);
            b.Property(t => t.CallerPhone).HasMaxLength(20);
            b.Property(t => t.Title).HasMaxLength(100);
            b.Property(t => t.Text).HasMaxLength(5000);
            b.Property(t => t.Address).HasMaxLength(200);
            b.Property(t => t.RegionCode).HasMaxLength(6);
            b.Property(t => t.Category).HasMaxLength(50);
            b.Property(t => t.CategoryCode).HasMaxLength(20);
            b.Property(t => t.Urgency).HasConversion<string>().HasMaxLength(10);
            b.Ignore(t => t.Urgent);
            b.Property(t => t.HandlerName).HasMaxLength(50);
            b.Property(t => t.DepartmentCode).HasMaxLength(32);
            b.Property(t => t.Reply).HasMaxLength(5000);
            b.Property(t => t.Revision).IsConcurrencyToken();
            b.Property(t => t.CoHandlers).HasJsonConversion().HasMaxLength(400);
            b.Property(t => t.ReturnedBy).HasMaxLength(32);
            b.Property(t => t.ExtensionReason).HasMaxLength(500);
            b.HasIndex(t => new { t.DepartmentCode, t.State });
            b.HasIndex(t => new { t.RegionCode, t.CreatedAtUtc });
            b.HasIndex(t => t.CallerAccountId);
        });
        modelBuilder.Entity<TicketEvent>(b =>
        {
            b.ToTable("hotline_ticket_event");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.HasIndex(e => new { e.TicketId, e.AtUtc });
            b.Property(e => e.Action).HasMaxLength(20);
            b.Property(e => e.Actor).HasMaxLength(100);
            b.Property(e => e.Note).HasMaxLength(500);
        });
        modelBuilder.Entity<CoHandler>(b =>
        {
            b.ToTable("hotline_cohandler");
            b.HasKey(c => new { c.DepartmentCode, c.TicketId });
            b.Property(c => c.DepartmentCode).HasMaxLength(32);
        });
        modelBuilder.Entity<Category>(b =>
        {
            b.ToTable("hotline_category");
            b.HasKey(c => c.Code);
            b.Property(c => c.Code).HasMaxLength(20);
            b.Property(c => c.Name).HasMaxLength(50);
            b.Property(c => c.ParentCode).HasMaxLength(20);
            b.HasIndex(c => c.ParentCode);
            b.Property(c => c.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<TimeLimit>(b =>
        {
            b.ToTable("hotline_time_limit");
            b.HasKey(l => l.Id);
            b.Property(l => l.Id).ValueGeneratedNever();
            b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(14);
            b.Property(l => l.Urgency).HasConversion<string>().HasMaxLength(10);
            b.Property(l => l.Unit).HasConversion<string>().HasMaxLength(12);
            b.Property(l => l.Key).HasMaxLength(30);
            b.HasIndex(l => l.Key).IsUnique();
            b.Property(l => l.Revision).IsConcurrencyToken();
        });
        modelBuilder.Entity<TicketAttachment>(b =>
        {
            b.ToTable("hotline_attachment");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.HasIndex(a => a.TicketId);
            b.Property(a => a.FileName).HasMaxLength(200);
            b.Property(a => a.ContentType).HasMaxLength(40);
            b.Property(a => a.Sha256).HasMaxLength(64);
            b.Property(a => a.UploadedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<DaySequence>(b =>
        {
            b.ToTable("hotline_sequence");
            b.HasKey(s => new { s.Scope, s.Day });
            b.Property(s => s.Scope).HasMaxLength(32);
            b.Property(s => s.Day).HasMaxLength(8);
        });
        modelBuilder.MapAuditTable(Prefix);
    }
}

/// <summary>Ticket numbers per region and day (see <see cref="DailySequences"/>).</summary>
internal sealed class DaySequence
{
    public string Scope { get; set; } = "";
    public string Day { get; set; } = "";
    public int NextValue { get; set; }
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
