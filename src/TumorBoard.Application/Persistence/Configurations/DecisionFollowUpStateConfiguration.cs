using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class DecisionFollowUpStateConfiguration : IEntityTypeConfiguration<DecisionFollowUpState>
{
    public void Configure(EntityTypeBuilder<DecisionFollowUpState> b)
    {
        b.ToTable("decision_follow_up_states", t =>
        {
            t.HasCheckConstraint("ck_decision_follow_up_states_steps", "open_steps >= 0 AND open_steps <= plan_steps");
            t.HasCheckConstraint("ck_decision_follow_up_states_due_order", "due_order = coalesce(follow_up_date, DATE '9999-12-31')");
        });
        b.HasKey(s => s.DecisionId);
        b.Property(s => s.DecisionId).ValueGeneratedNever();
        b.HasOne<BoardDecision>().WithOne().HasForeignKey<DecisionFollowUpState>(s => s.DecisionId).OnDelete(DeleteBehavior.Cascade);
        // The coordinator's overdue list: open work by due date (then signature, then id: the cursor's key).
        b.HasIndex(s => new { s.DueOrder, s.SignedAt, s.DecisionId }).HasFilter("open_steps > 0")
            .HasDatabaseName("ix_decision_follow_up_states_open_due");
        // "My follow-ups": the responsible clinician's decisions by due date.
        b.HasIndex(s => new { s.ResponsibleClinicianId, s.DueOrder, s.SignedAt, s.DecisionId })
            .HasDatabaseName("ix_decision_follow_up_states_clinician_due");
    }
}
