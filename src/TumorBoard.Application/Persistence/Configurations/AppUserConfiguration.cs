using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(u => u.Discipline).HasConversion<string>().HasMaxLength(30);
        b.Property(u => u.PreferredCulture).HasMaxLength(10);
        // Only a language the pages speak: a typo in a script or a hand edit cannot leave an account with an unknown culture.
        b.ToTable(t => t.HasCheckConstraint("ck_users_preferred_culture",
            "preferred_culture IS NULL OR preferred_culture IN ('de-CH', 'fr-CH', 'it-CH', 'en')"));
        b.Property(u => u.Version).IsRowVersion();   // PostgreSQL xmin, as for patients and cases
    }
}
