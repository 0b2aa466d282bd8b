using Microsoft.EntityFrameworkCore;

namespace Yiwang.Kernel.Auditing;

/// <summary>Maps a module's audit table.</summary>
public static class AuditModelBuilderExtensions
{
    /// <summary>Maps <see cref="AuditEntry"/> to <c>{prefix}_audit</c>.</summary>
    public static void MapAuditTable(this ModelBuilder modelBuilder, string prefix)
    {
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable($"{prefix}_audit");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.ActorId).HasMaxLength(128);
            b.Property(a => a.ActorName).HasMaxLength(128);
            b.Property(a => a.IpAddress).HasMaxLength(64);
            b.Property(a => a.UserAgent).HasMaxLength(256);
            b.Property(a => a.Action).HasMaxLength(64);
            b.Property(a => a.Subject).HasMaxLength(128);
            b.Property(a => a.Detail).HasMaxLength(1000);
            b.HasIndex(a => new { a.Subject, a.AtUtc });
        });
    }
}
