using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> b)
    {
        // Only the canonical form is stored, so the unique index on it refuses look-alike MRNs too (Mrn.Normalize).
        b.ToTable("patients", t => t.HasCheckConstraint("ck_patients_mrn_normalized", $"mrn ~ '{Mrn.AllowedPattern}'"));
        b.HasKey(p => p.Id);
        b.Property(p => p.Mrn).HasMaxLength(Patient.MrnMaxLength).IsRequired();
        b.HasIndex(p => p.Mrn).IsUnique();
        b.Property(p => p.FamilyName).HasMaxLength(Patient.NameMaxLength).IsRequired();
        b.Property(p => p.GivenName).HasMaxLength(Patient.NameMaxLength).IsRequired();
        b.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
        // Patients registered before the field existed read German (the migration's default; README "Patient letter").
        b.Property(p => p.Language).HasConversion<string>().HasMaxLength(2).HasDefaultValue(PatientLanguage.de).HasSentinel((PatientLanguage)(-1));
        b.Property(p => p.Version).IsRowVersion();   // PostgreSQL xmin
        b.Ignore(p => p.Initials);
        // Text search on MRN or name: trigram index for ILIKE '%term%'.
        b.HasIndex(p => new { p.Mrn, p.FamilyName, p.GivenName })
            .HasMethod("gin")
            .HasOperators("gin_trgm_ops", "gin_trgm_ops", "gin_trgm_ops")
            .HasDatabaseName("ix_patients_search_trgm");
        // The patient list's order and cursor key.
        b.HasIndex(p => new { p.FamilyName, p.GivenName, p.Id });
    }
}
