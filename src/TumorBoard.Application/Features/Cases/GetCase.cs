using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Cases;

/// <summary>One case with its patient and clinical details. Opening it is recorded in the audit trail (<see cref="ICaseRead"/>).</summary>
public static class GetCase
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<Result>, ICaseRead;

    public sealed record PatientSummary(Guid Id, string Mrn, string FamilyName, string GivenName, DateOnly DateOfBirth, Sex Sex);

    /// <summary>Another open case of the same patient (see <see cref="Result.OtherOpenCases"/>).</summary>
    public sealed record OpenCase(Guid Id, CaseStatus Status, DateTimeOffset CreatedAt, string ClinicalQuestion);

    public sealed record Result
    {
        public Guid Id { get; init; }
        public PatientSummary Patient { get; init; } = null!;
        public CaseStatus Status { get; init; }
        public string? WithdrawalReason { get; init; }
        public CaseDetails Details { get; init; } = null!;
        /// <summary>What the minimum dataset still lacks; empty when the case can go to the board.</summary>
        public IReadOnlyList<string> MissingForBoard { get; init; } = [];
        /// <summary>The MSCC triage in force (pathways.md §1.1): derived from the details and the latest submitted scores, or
        /// raised by the coordinator; its derivation is in GET /api/v1/cases/{caseId}/fast-track.</summary>
        public TriageLevel Triage { get; init; }
        /// <summary>The pathway clocks (pathways.md §1.2); none for a Routine case.</summary>
        public IReadOnlyList<ClockView> Clocks { get; init; } = [];
        /// <summary>Odd combinations in the details (ECOG against Karnofsky): warnings to check, not errors.</summary>
        public IReadOnlyList<string> Warnings => Details is null ? [] : CasePlausibility.Warnings(Details);
        /// <summary>
        /// Only in the answer to a registration (absent elsewhere): the patient's other open cases (not decided, closed or
        /// withdrawn) when the new case was registered beside them, as a warning that it may be a duplicate.
        /// </summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<OpenCase>? OtherOpenCases { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string? CreatedByName { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public string? UpdatedByName { get; init; }
        public uint Version { get; init; }
    }

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct) => await LoadAsync(db, query.CaseId, ct);
    }

    /// <summary>The case with its patient, the names of who created and last changed it, and its fast-track triage and
    /// clocks (the track row, pathways.md §1), in one query.</summary>
    public static async Task<Result> LoadAsync(TumorBoardDbContext db, Guid caseId, CancellationToken ct)
    {
        var row = await (
            from c in db.Cases.AsNoTracking()
            join p in db.Patients on c.PatientId equals p.Id
            where c.Id == caseId
            select new
            {
                Case = c,
                Patient = new PatientSummary(p.Id, p.Mrn, p.FamilyName, p.GivenName, p.DateOfBirth, p.Sex),
                CreatedBy = db.Users.Where(u => u.Id == c.CreatedBy).Select(u => u.DisplayName).FirstOrDefault(),
                UpdatedBy = db.Users.Where(u => u.Id == c.UpdatedBy).Select(u => u.DisplayName).FirstOrDefault(),
                Track = db.MsccTracks.FirstOrDefault(t => t.CaseId == c.Id),
            }).FirstOrDefaultAsync(ct) ?? throw NotFoundException.For("Case", caseId);

        return From(row.Case, row.Patient, row.CreatedBy, row.UpdatedBy) with
        {
            Triage = row.Track?.Triage ?? TriageLevel.Routine, Clocks = ClockView.Of(row.Track, db.UtcNow),
        };
    }

    /// <summary>The read model of a case as held in memory (a write answers with what it saved, not with a second read).</summary>
    public static Result From(TumorBoardCase found, PatientSummary patient, string? createdByName, string? updatedByName) => new()
    {
        Id = found.Id, Patient = patient, Status = found.Status, WithdrawalReason = found.WithdrawalReason,
        Details = found.Details, MissingForBoard = found.MissingForBoard(),
        CreatedAt = found.CreatedAt, CreatedByName = createdByName, UpdatedAt = found.UpdatedAt, UpdatedByName = updatedByName,
        Version = found.Version,
    };

    public static PatientSummary Summary(Patient p) => new(p.Id, p.Mrn, p.FamilyName, p.GivenName, p.DateOfBirth, p.Sex);
}
