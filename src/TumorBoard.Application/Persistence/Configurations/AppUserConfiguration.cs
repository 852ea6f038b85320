using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(u => u.Discipline).HasConversion<string>().HasMaxLength(30);
        b.Property(u => u.Version).IsRowVersion();   // PostgreSQL xmin, as for patients and cases
    }
}
