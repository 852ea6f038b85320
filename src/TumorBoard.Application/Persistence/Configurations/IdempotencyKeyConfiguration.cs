using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> b)
    {
        b.ToTable("idempotency_keys", t =>
        {
            t.HasCheckConstraint("ck_idempotency_keys_key", $"length(key) BETWEEN 1 AND {IdempotencyKey.KeyMaxLength}");
            t.HasCheckConstraint("ck_idempotency_keys_request_hash", "length(request_hash) = 32");
            t.HasCheckConstraint("ck_idempotency_keys_completed",
                "(completed_at IS NULL AND response_status IS NULL AND response_body IS NULL) OR (completed_at IS NOT NULL AND response_status IS NOT NULL AND response_body IS NOT NULL)");
        });
        // Per user: one user can never replay (or block) another's answer with the same key.
        b.HasKey(k => new { k.UserId, k.Key });
        b.Property(k => k.Key).HasMaxLength(IdempotencyKey.KeyMaxLength);
        b.Property(k => k.Method).HasMaxLength(10).IsRequired();
        b.Property(k => k.Path).HasMaxLength(2048).IsRequired();
        b.Property(k => k.RequestHash).IsRequired();
        b.Property(k => k.ResponseContentType).HasMaxLength(200);
        b.Property(k => k.ResponseLocation).HasMaxLength(2048);
        b.Property(k => k.ResponseETag).HasColumnName("response_etag").HasMaxLength(200);
        b.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        // The purge deletes by age: an index keeps its cost (and the request path's) independent of the table's size.
        b.HasIndex(k => k.CreatedAt);
    }
}
