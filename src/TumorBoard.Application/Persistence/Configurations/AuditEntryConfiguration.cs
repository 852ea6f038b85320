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
        // By default, not always (kept from the in-row chain). Ids are not the chain order: AuditSeal.Position is.
        b.Property(a => a.Id).UseIdentityByDefaultColumn();
        b.Property(a => a.Action).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
        b.Property(a => a.EntityId).HasMaxLength(200).IsRequired();
        b.Property(a => a.Operation).HasMaxLength(20).IsRequired();
        b.Property(a => a.ActorName).HasMaxLength(200);
        // text, not jsonb: jsonb re-orders keys and whitespace, and the hash covers the exact stored bytes.
        b.Property(a => a.Changes).HasColumnType("text").IsRequired();
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
        b.HasIndex(a => a.OccurredAt);
        // The access-log review filters by actor (DH-11).
        b.HasIndex(a => new { a.ActorId, a.Id });
        // ... and by operation alone (e.g. every Read).
        b.HasIndex(a => new { a.Operation, a.Id });
    }
}

public sealed class AuditSealConfiguration : IEntityTypeConfiguration<AuditSeal>
{
    public void Configure(EntityTypeBuilder<AuditSeal> b)
    {
        b.ToTable("audit_seals");
        // The chain position is the key: a second seal at a position, or of a row, is refused by the database.
        b.HasKey(s => s.Position);
        b.Property(s => s.Position).ValueGeneratedNever();
        b.HasIndex(s => s.EntryId).IsUnique();
        b.Property(s => s.PreviousHash).HasMaxLength(64).IsFixedLength();
        b.Property(s => s.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
    }
}
