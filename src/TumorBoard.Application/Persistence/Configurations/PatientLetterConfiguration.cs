using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.PatientLetters;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class PatientLetterConfiguration : IEntityTypeConfiguration<PatientLetter>
{
    public void Configure(EntityTypeBuilder<PatientLetter> b)
    {
        b.ToTable("patient_letters", t => t.HasCheckConstraint("ck_patient_letters_sent",
            "(sent_version_number IS NULL) = (sent_method IS NULL) AND (sent_version_number IS NULL) = (sent_on IS NULL)"));
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.Property(l => l.DecisionHash).HasMaxLength(64).IsRequired();
        b.Property(l => l.Language).HasConversion<string>().HasMaxLength(2);
        b.Property(l => l.SentMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.CreatedByName).HasMaxLength(200).IsRequired();
        b.Property(l => l.SentByName).HasMaxLength(200);
        b.Property(l => l.Version).IsRowVersion();   // PostgreSQL xmin
        b.Ignore(l => l.Current);
        b.HasOne<BoardDecision>().WithMany().HasForeignKey(l => l.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Restrict);
        // One letter per signed decision version: a second draft is a new version of the same letter.
        b.HasIndex(l => l.DecisionId).IsUnique().HasDatabaseName("ux_patient_letters_decision");
        b.HasIndex(l => l.CaseId).HasDatabaseName("ix_patient_letters_case");
        b.HasMany(l => l.Versions).WithOne().HasForeignKey(v => v.LetterId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(l => l.Versions).AutoInclude();
    }
}

public sealed class PatientLetterVersionConfiguration : IEntityTypeConfiguration<PatientLetterVersion>
{
    public void Configure(EntityTypeBuilder<PatientLetterVersion> b)
    {
        b.ToTable("patient_letter_versions", t => t.HasCheckConstraint("ck_patient_letter_versions_number", "number >= 1"));
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Language).HasConversion<string>().HasMaxLength(2);
        b.Property(v => v.Why).HasMaxLength(PatientLetter.WhyMaxLength).IsRequired();
        b.Property(v => v.DocumentJson).HasColumnType("jsonb").IsRequired();
        b.Property(v => v.DecisionHash).HasMaxLength(64).IsRequired();
        b.Property(v => v.CreatedByName).HasMaxLength(200).IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.CreatedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.LetterId, v.Number }).IsUnique().HasDatabaseName("ux_patient_letter_versions_number");
    }
}
