using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class DecisionConfiguration : IEntityTypeConfiguration<BoardDecision>
{
    public void Configure(EntityTypeBuilder<BoardDecision> b)
    {
        b.ToTable("decisions", t =>
        {
            t.HasCheckConstraint("ck_decisions_signed", "status = 'Draft' OR (signed_by_id IS NOT NULL AND signed_hash IS NOT NULL AND signed_at IS NOT NULL)");
            t.HasCheckConstraint("ck_decisions_superseded", "(status = 'Superseded') = (superseded_by_id IS NOT NULL)");
            t.HasCheckConstraint("ck_decisions_amendment", "(amends_id IS NULL) = (amendment_reason IS NULL)");
            t.HasCheckConstraint("ck_decisions_kind", "kind IN ('Board', 'EmergencyPlan')");
            // Only an emergency plan (issue #14 part 1) is made outside a meeting; a board decision always names its discussion.
            t.HasCheckConstraint("ck_decisions_meeting_by_kind",
                "kind = 'EmergencyPlan' OR (meeting_id IS NOT NULL AND agenda_item_id IS NOT NULL)");
        });
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20).HasDefaultValue(DecisionKind.Board).HasSentinel((DecisionKind)(-1));
        b.Property(d => d.AmendmentReason).HasMaxLength(BoardDecision.ReasonMaxLength);
        b.Property(d => d.ContentJson).HasColumnName("content").HasColumnType("jsonb").IsRequired();
        // text, not jsonb: the hash covers these exact bytes.
        b.Property(d => d.NomsSuggestionJson).HasColumnName("noms_suggestion").HasColumnType("text").IsRequired();
        b.Property(d => d.WaiversJson).HasColumnName("waivers").HasColumnType("text").IsRequired();
        b.Property(d => d.ResponsibleClinicianName).HasMaxLength(200);
        b.Property(d => d.SignerName).HasMaxLength(200);
        b.Property(d => d.SignatureMeaning).HasMaxLength(100);
        b.Property(d => d.SignedHash).HasMaxLength(64).IsFixedLength();
        b.Property(d => d.CreatedByName).HasMaxLength(200).IsRequired();
        b.Property(d => d.Version).IsRowVersion();
        b.Ignore(d => d.Content);
        b.Ignore(d => d.Waivers);
        b.Ignore(d => d.IsAmendment);
        b.Ignore(d => d.IsEmergencyPlan);
        b.Ignore(d => d.SignatureIsIntact);
        b.HasOne<TumorBoardCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BoardDecision>().WithMany().HasForeignKey(d => d.AmendsId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BoardDecision>().WithMany().HasForeignKey(d => d.SupersededById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => d.SignedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(d => d.ResponsibleClinicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Positions).WithOne().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.FollowUps).WithOne().HasForeignKey(f => f.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(d => d.Positions).AutoInclude();
        b.Navigation(d => d.FollowUps).AutoInclude();
        b.HasMany(d => d.EmergencySignatures).WithOne().HasForeignKey(s => s.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(d => d.EmergencySignatures).AutoInclude();

        b.HasIndex(d => new { d.CaseId, d.Number }).IsUnique();
        // One current (signed) decision per case, and one open draft: two chairs signing at once, or a signature racing
        // an amendment, cannot leave two (issue #6 "Concurrency"). Named in the model: two unnamed HasIndex calls on the
        // same column are one index to EF Core, and the second configuration silently replaced the first (issue #10).
        // (The snake_case convention would rename a named index: the database name is set as well.)
        b.HasIndex(d => d.CaseId, "ux_decisions_one_current_per_case").IsUnique().HasFilter("status = 'Signed'")
            .HasDatabaseName("ux_decisions_one_current_per_case");
        b.HasIndex(d => d.CaseId, "ux_decisions_one_draft_per_case").IsUnique().HasFilter("status = 'Draft'")
            .HasDatabaseName("ux_decisions_one_draft_per_case");
        b.HasIndex(d => new { d.MeetingId, d.AgendaItemId });
        // Quality analytics by decision date (pathways.md §2): the signed versions of a period.
        b.HasIndex(d => d.SignedAt, "ix_decisions_signed_at").HasFilter("status <> 'Draft'").HasDatabaseName("ix_decisions_signed_at");
        // ... and by meeting date, the emergency plans (made outside a meeting) by the day they were signed.
        b.HasIndex(d => d.SignedAt, "ix_decisions_outside_meetings_signed_at").HasFilter("meeting_id IS NULL AND status <> 'Draft'")
            .HasDatabaseName("ix_decisions_outside_meetings_signed_at");
        // The coordinator's overdue follow-ups and "my follow-ups" for the responsible clinician.
        b.HasIndex(d => d.FollowUpDate).HasFilter("status = 'Signed'").HasDatabaseName("ix_decisions_signed_follow_up_date");
        b.HasIndex(d => new { d.ResponsibleClinicianId, d.FollowUpDate }).HasFilter("status = 'Signed'");
    }
}

public sealed class DecisionPositionConfiguration : IEntityTypeConfiguration<DecisionPosition>
{
    public void Configure(EntityTypeBuilder<DecisionPosition> b)
    {
        b.ToTable("decision_positions");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.MemberName).HasMaxLength(200).IsRequired();
        b.Property(p => p.Discipline).HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Text).HasMaxLength(DecisionPosition.TextMaxLength);
        b.Property(p => p.ContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.DecisionId, p.MemberId }).IsUnique();
        b.HasIndex(p => p.MemberId);
    }
}

public sealed class EmergencySignatureConfiguration : IEntityTypeConfiguration<EmergencySignature>
{
    public void Configure(EntityTypeBuilder<EmergencySignature> b)
    {
        b.ToTable("emergency_signatures", t =>
            t.HasCheckConstraint("ck_emergency_signatures_discipline", "discipline IN ('Neurosurgery', 'RadiationOncology')"));
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.SignerName).HasMaxLength(200).IsRequired();
        b.Property(s => s.Discipline).HasConversion<string>().HasMaxLength(30);
        b.Property(s => s.ContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.SignedById).OnDelete(DeleteBehavior.Restrict);
        // Two people signing at once: the database lets one signature per discipline and per person through (issue #14 part 1).
        b.HasIndex(s => new { s.DecisionId, s.Discipline }, "ux_emergency_signatures_discipline").IsUnique()
            .HasDatabaseName("ux_emergency_signatures_discipline");
        b.HasIndex(s => new { s.DecisionId, s.SignedById }, "ux_emergency_signatures_signer").IsUnique()
            .HasDatabaseName("ux_emergency_signatures_signer");
        b.HasIndex(s => s.SignedById);
    }
}

public sealed class DecisionFollowUpConfiguration : IEntityTypeConfiguration<DecisionFollowUp>
{
    public void Configure(EntityTypeBuilder<DecisionFollowUp> b)
    {
        b.ToTable("decision_follow_ups", t => t.HasCheckConstraint("ck_decision_follow_ups_step", "step_number >= 1"));
        b.HasKey(f => f.Id);
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(f => f.Reason).HasConversion<string>().HasMaxLength(30);
        b.Property(f => f.ReasonText).HasMaxLength(DecisionFollowUp.TextMaxLength);
        b.Property(f => f.Note).HasMaxLength(DecisionFollowUp.TextMaxLength);
        b.Property(f => f.RecordedByName).HasMaxLength(200).IsRequired();
        b.HasOne<AppUser>().WithMany().HasForeignKey(f => f.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.DecisionId, f.StepNumber, f.RecordedAt });
    }
}

public sealed class AssessmentWaiverConfiguration : IEntityTypeConfiguration<AssessmentWaiver>
{
    public void Configure(EntityTypeBuilder<AssessmentWaiver> b)
    {
        b.ToTable("assessment_waivers");
        b.HasKey(w => w.Id);
        b.Property(w => w.Id).ValueGeneratedNever();
        b.Property(w => w.Discipline).HasConversion<string>().HasMaxLength(30);
        b.Property(w => w.Reason).HasMaxLength(AssessmentWaiver.ReasonMaxLength).IsRequired();
        b.Property(w => w.WaivedByName).HasMaxLength(200).IsRequired();
        b.HasOne<Meeting>().WithMany().HasForeignKey(w => w.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(w => w.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TumorBoardCase>().WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(w => w.WaivedById).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(w => new { w.AgendaItemId, w.Discipline }).IsUnique();
        b.HasIndex(w => w.CaseId);
    }
}
