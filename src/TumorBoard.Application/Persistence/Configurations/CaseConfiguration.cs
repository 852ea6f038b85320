using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Persistence.Configurations;

public sealed class CaseConfiguration : IEntityTypeConfiguration<TumorBoardCase>
{
    public void Configure(EntityTypeBuilder<TumorBoardCase> b)
    {
        b.ToTable("cases", t =>
        {
            t.HasCheckConstraint("ck_cases_ecog", "ecog IS NULL OR ecog BETWEEN 0 AND 4");
            t.HasCheckConstraint("ck_cases_karnofsky", "karnofsky IS NULL OR (karnofsky BETWEEN 10 AND 100 AND karnofsky % 10 = 0)");
            t.HasCheckConstraint("ck_cases_withdrawal_reason", "status <> 'Withdrawn' OR withdrawal_reason IS NOT NULL");
        });
        b.HasKey(c => c.Id);
        b.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Histology).HasConversion<string>().HasMaxLength(30);
        b.Property(c => c.HistologyOtherText).HasMaxLength(200);
        b.Property(c => c.Pain).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Frankel).HasConversion<string>().HasMaxLength(1);
        b.Property(c => c.Asia).HasConversion<string>().HasMaxLength(1);
        b.Property(c => c.VisceralMetastases).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Urgency).HasConversion<int>();   // an int so "urgent first" can use the index
        b.Property(c => c.ClinicalQuestion).HasMaxLength(TumorBoardCase.ClinicalQuestionMaxLength).IsRequired();
        b.Property(c => c.ReferringClinician).HasMaxLength(200);
        b.Property(c => c.CurrentSystemicTherapy).HasMaxLength(1000);
        b.Property(c => c.PatientPreferences).HasMaxLength(2000);
        b.Property(c => c.WithdrawalReason).HasMaxLength(1000);
        b.Property(c => c.Lesions).HasColumnType("jsonb").HasConversion(JsonList<SpinalLesion>(), JsonComparer<SpinalLesion>());
        b.Property(c => c.MsccSymptoms).HasColumnType("jsonb").HasConversion(JsonList<Domain.Mscc.MsccSymptom>(), JsonComparer<Domain.Mscc.MsccSymptom>());
        b.Property(c => c.PriorRadiotherapy).HasColumnType("jsonb").HasConversion(JsonList<PriorRadiotherapy>(), JsonComparer<PriorRadiotherapy>());
        b.Property(c => c.Version).IsRowVersion();
        b.Ignore(c => c.Details);

        // One index per filter the case list offers, each ending in the list order (urgent first, newest first, then the id):
        // a page, whether by cursor or by number, is a (backward) range scan from its key, never a sort of the set.
        b.HasIndex(c => new { c.Urgency, c.CreatedAt, c.Id });
        b.HasIndex(c => new { c.Status, c.Urgency, c.CreatedAt, c.Id });
        b.HasIndex(c => new { c.Histology, c.Urgency, c.CreatedAt, c.Id });
        b.HasIndex(c => c.PatientId);
        // Quality analytics, coverage (pathways.md §2, measure 1): the cases registered in a period. BRIN: cases are
        // inserted in registration order, so block ranges find a period cheaply; and a BRIN index gives no order, so the
        // case list's capped counts keep their (urgency|status, created_at, id) b-trees instead of walking this one
        // (ListPlanTests: a b-tree on created_at alone made the urgency count read past the cap).
        b.HasIndex(c => c.CreatedAt, "ix_cases_created_at").HasDatabaseName("ix_cases_created_at").HasMethod("brin");
        // The coordinator's dashboard (GetCoordinatorDashboard): ready cases urgent first, then longest waiting, and old
        // drafts, longest waiting first; each list and its count is a range of one of these, not a sort of every such case.
        b.HasIndex(c => new { c.Status, c.Urgency, c.UpdatedAt, c.Id }).IsDescending(false, true, false, false)
            .HasDatabaseName("ix_cases_status_urgency_desc_updated_at_id");
        b.HasIndex(c => new { c.Status, c.UpdatedAt, c.Id }).HasDatabaseName("ix_cases_status_updated_at_id");
    }

    static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    static ValueComparer<List<T>> JsonComparer<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
        v => JsonSerializer.Serialize(v, Json).GetHashCode(),
        v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Json), Json)!);

    static ValueConverter<List<T>, string> JsonList<T>() => new(
        v => JsonSerializer.Serialize(v, Json),
        v => JsonSerializer.Deserialize<List<T>>(v, Json) ?? new List<T>());
}
