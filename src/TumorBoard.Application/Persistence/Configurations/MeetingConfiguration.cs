using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Meetings;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("meetings", t =>
        {
            // Capacity is never exceeded, also under concurrent additions (each addition also bumps xmin).
            t.HasCheckConstraint("ck_meetings_capacity", "agenda_count >= 0 AND agenda_count <= capacity");
            t.HasCheckConstraint("ck_meetings_capacity_positive", "capacity BETWEEN 1 AND 100");
            t.HasCheckConstraint("ck_meetings_cutoff", "submission_cutoff <= starts_at");
            t.HasCheckConstraint("ck_meetings_calendar_revision", "calendar_revision >= 0");
        });
        b.HasKey(m => m.Id);
        b.Property(m => m.Title).HasMaxLength(200).IsRequired();
        b.Property(m => m.Location).HasMaxLength(200);
        b.Property(m => m.VideoLink).HasMaxLength(500);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.CancellationReason).HasMaxLength(1000);
        b.Property(m => m.Version).IsRowVersion();
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.ChairId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Agenda).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Agenda).AutoInclude();
        b.Navigation(m => m.Attendees).AutoInclude();
        b.Ignore(m => m.ActiveAgenda);
        b.Ignore(m => m.IsOpen);
        b.Ignore(m => m.MissingForQuorum);
        b.Ignore(m => m.HasQuorum);
        // The meeting list's order and cursor key (start, then id), with and without the status filter.
        b.HasIndex(m => new { m.Status, m.StartsAt, m.Id });
        b.HasIndex(m => new { m.StartsAt, m.Id });
        b.HasIndex(m => m.ChairId);
        b.HasIndex(m => m.SeriesId);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("agenda_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();   // the domain creates the key; a new item is an insert
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.LateAdditionReason).HasMaxLength(1000);
        b.Property(i => i.Reason).HasMaxLength(1000);
        b.HasOne<TumorBoardCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(i => i.IsActive);
        // A case is on at most one agenda at a time (Scheduled = waiting to be discussed).
        b.HasIndex(i => i.CaseId).IsUnique().HasFilter("status = 'Scheduled'").HasDatabaseName("ux_agenda_items_case_scheduled");
        b.HasIndex(i => new { i.MeetingId, i.Position });
        b.HasIndex(i => new { i.CaseId, i.AddedAt });
    }
}

public sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> b)
    {
        b.ToTable("meeting_attendees");
        b.HasKey(a => new { a.MeetingId, a.UserId });
        b.Property(a => a.Discipline).HasConversion<string>().HasMaxLength(30);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.UserId);
    }
}
