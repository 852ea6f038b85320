using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class SignInWindowConfiguration : IEntityTypeConfiguration<SignInWindow>
{
    public void Configure(EntityTypeBuilder<SignInWindow> b)
    {
        b.ToTable("sign_in_windows", t => t.HasCheckConstraint("ck_sign_in_windows_attempts", "attempts >= 1"));
        // One counter row per subject and window: the upsert on this key is the whole cost of an attempt.
        b.HasKey(w => new { w.Subject, w.WindowStart });
        b.Property(w => w.Subject).HasMaxLength(80);
        // The purge deletes ended windows by start time.
        b.HasIndex(w => w.WindowStart);
    }
}
