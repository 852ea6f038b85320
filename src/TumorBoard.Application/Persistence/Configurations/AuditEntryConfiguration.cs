using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Audit;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.Action).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityId).HasMaxLength(200).IsRequired();
        b.Property(a => a.Operation).HasMaxLength(20).IsRequired();
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.Changes).HasColumnType("jsonb").IsRequired();
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
        b.HasIndex(a => a.OccurredAt);
    }
}
