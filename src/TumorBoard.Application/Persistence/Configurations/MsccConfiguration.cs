using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Mscc;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class MsccTrackConfiguration : IEntityTypeConfiguration<MsccTrack>
{
    public void Configure(EntityTypeBuilder<MsccTrack> b)
    {
        b.ToTable("mscc_tracks", t =>
        {
            t.HasCheckConstraint("ck_mscc_tracks_triage", "triage BETWEEN 0 AND 2 AND triage >= derived_triage");
            t.HasCheckConstraint("ck_mscc_tracks_raise", "raised_triage IS NULL OR raise_reason IS NOT NULL");
        });
        b.HasKey(m => m.CaseId);
        b.Property(m => m.CaseId).ValueGeneratedNever();
        b.HasOne<TumorBoardCase>().WithOne().HasForeignKey<MsccTrack>(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.Triage).HasConversion<int>();          // an int so "P1 first" is an index order
        b.Property(m => m.DerivedTriage).HasConversion<int>();
        b.Property(m => m.RaisedTriage).HasConversion<int>();
        b.Property(m => m.RaiseReason).HasMaxLength(MsccTrack.ReasonMaxLength);
        b.Property(m => m.RaisedByName).HasMaxLength(200);
        b.Property(m => m.DerivedReasons).HasColumnType("jsonb").HasConversion(Json.List<string>(), Json.Comparer<string>());
        b.Property(m => m.Clocks).HasColumnType("jsonb").HasConversion(Json.List<PathwayClock>(), Json.Comparer<PathwayClock>());
        b.Property(m => m.BreachNotes).HasColumnType("jsonb").HasConversion(Json.List<BreachNote>(), Json.Comparer<BreachNote>());
        b.Ignore(m => m.Derivation);
        // The fast-track worklist: P1 first, then least time left, from the index (only cases on the list are in it).
        b.HasIndex(m => new { m.Triage, m.NextDueAt, m.CaseId }).IsDescending(true, false, false)
            .HasFilter("next_due_at IS NOT NULL").HasDatabaseName("ix_mscc_tracks_worklist");
        // The case list's ?triage= filter.
        b.HasIndex(m => new { m.Triage, m.CaseId }).HasDatabaseName("ix_mscc_tracks_triage");
    }
}

public sealed class MsccTimestampConfiguration : IEntityTypeConfiguration<MsccTimestamp>
{
    public void Configure(EntityTypeBuilder<MsccTimestamp> b)
    {
        b.ToTable("mscc_timestamps");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.HasOne<TumorBoardCase>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Event).HasConversion<string>().HasMaxLength(30);
        b.Property(t => t.Note).HasMaxLength(MsccTimestamp.NoteMaxLength);
        b.Property(t => t.RecordedByName).HasMaxLength(200).IsRequired();
        b.HasIndex(t => new { t.CaseId, t.Event, t.RecordedAt }).HasDatabaseName("ix_mscc_timestamps_case_event");
    }
}

public sealed class MsccBreachExplanationConfiguration : IEntityTypeConfiguration<MsccBreachExplanation>
{
    public void Configure(EntityTypeBuilder<MsccBreachExplanation> b)
    {
        b.ToTable("mscc_breach_explanations", t =>
            t.HasCheckConstraint("ck_mscc_breach_explanations_other", "reason <> 'Other' OR text IS NOT NULL"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<TumorBoardCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Clock).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Text).HasMaxLength(MsccBreachExplanation.TextMaxLength);
        b.Property(x => x.RecordedByName).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.CaseId, x.Clock, x.RecordedAt }).HasDatabaseName("ix_mscc_breach_explanations_case_clock");
    }
}

static class Json
{
    static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static ValueComparer<List<T>> Comparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(),
        v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!);

    public static ValueConverter<List<T>, string> List<T>() => new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>());
}
