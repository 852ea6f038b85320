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
        // By default, not always: AuditChain takes ids from the sequence itself, under the chain lock.
        b.Property(a => a.Id).UseIdentityByDefaultColumn();
        b.Property(a => a.Action).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityId).HasMaxLength(200).IsRequired();
        b.Property(a => a.Operation).HasMaxLength(20).IsRequired();
        b.Property(a => a.ActorName).HasMaxLength(200);
        // text, not jsonb: jsonb re-orders keys and whitespace, and the hash covers the exact stored bytes.
        b.Property(a => a.Changes).HasColumnType("text").IsRequired();
        b.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
        b.HasIndex(a => a.OccurredAt);
        // The access-log review filters by actor (DH-11).
        b.HasIndex(a => new { a.ActorId, a.Id });
        // ... and by operation alone (e.g. every Read).
        b.HasIndex(a => new { a.Operation, a.Id });
    }
}
