using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class ReportDispatchConfiguration : IEntityTypeConfiguration<ReportDispatch>
{
    public void Configure(EntityTypeBuilder<ReportDispatch> b)
    {
        b.ToTable("report_dispatches", t =>
        {
            t.HasCheckConstraint("ck_report_dispatches_channel",
                "channel IN ('Post', 'SecureEmail', 'Fax', 'ElectronicRecord', 'HandedOver')");
            t.HasCheckConstraint("ck_report_dispatches_recipient", "btrim(recipient) <> ''");
        });
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.DecisionHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Recipient).HasMaxLength(ReportDispatch.RecipientMaxLength).IsRequired();
        b.Property(x => x.Note).HasMaxLength(ReportDispatch.NoteMaxLength);
        b.Property(x => x.RecordedByName).HasMaxLength(200).IsRequired();
        b.HasOne<BoardDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        // A version's dispatches in the order they left; the analytics' first dispatch per version is the first entry of this range.
        b.HasIndex(x => new { x.DecisionId, x.SentAt }).HasDatabaseName("ix_report_dispatches_decision_sent");
        b.HasIndex(x => x.CaseId).HasDatabaseName("ix_report_dispatches_case");
    }
}
