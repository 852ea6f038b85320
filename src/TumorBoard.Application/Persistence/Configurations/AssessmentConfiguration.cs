using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable("assessments", t =>
        {
            t.HasCheckConstraint("ck_assessments_submitted", "status = 'Draft' OR submitted_version_number IS NOT NULL");
        });
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Discipline).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Version).IsRowVersion();
        b.HasOne<TumorBoardCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(a => a.Current);
        b.Ignore(a => a.CurrentContent);
        // One assessment per discipline per case.
        b.HasIndex(a => new { a.CaseId, a.Discipline }).IsUnique();
    }
}

public sealed class AssessmentVersionConfiguration : IEntityTypeConfiguration<AssessmentVersion>
{
    public void Configure(EntityTypeBuilder<AssessmentVersion> b)
    {
        b.ToTable("assessment_versions");
        b.HasKey(v => v.Id);
        b.Property(v => v.Id).ValueGeneratedNever();   // the domain creates the key; a new version is an insert
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.AuthorName).HasMaxLength(200).IsRequired();
        b.Property(v => v.Reason).HasMaxLength(Assessment.ReasonMaxLength);
        b.Property(v => v.ContentJson).HasColumnName("content").HasColumnType("jsonb").IsRequired();
        b.Property(v => v.ComputedJson).HasColumnName("computed").HasColumnType("jsonb").IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(v => v.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.AssessmentId, v.Number }).IsUnique();
        b.HasIndex(v => v.AuthorId);
    }
}
