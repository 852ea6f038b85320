using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Patients;

public static class GetPatient
{
    /// <summary>Opening the record is recorded in the audit trail as a read of the patient (<see cref="IPatientRead"/>).</summary>
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid PatientId) : IQuery<Result>, IPatientRead;

    public sealed record Result(Guid Id, string Mrn, string FamilyName, string GivenName, DateOnly DateOfBirth, Sex Sex,
        PatientLanguage Language, uint Version, IReadOnlyList<CaseSummary> Cases);

    public sealed record CaseSummary(Guid Id, string Status, string Histology, string Urgency, DateTimeOffset CreatedAt);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct) => await LoadAsync(db, query.PatientId, ct);
    }

    /// <summary>The patient as stored; inside a write's open transaction it sees that write (UpdatePatient answers with it).</summary>
    public static async Task<Result> LoadAsync(TumorBoardDbContext db, Guid patientId, CancellationToken ct)
    {
        var p = await db.Patients.AsNoTracking().FirstOrDefaultAsync(x => x.Id == patientId, ct)
            ?? throw NotFoundException.For("Patient", patientId);
        var cases = await db.Cases.AsNoTracking().Where(c => c.PatientId == p.Id).OrderByDescending(c => c.CreatedAt)
            .Select(c => new { c.Id, c.Status, c.Histology, c.Urgency, c.CreatedAt }).ToListAsync(ct);
        return From(p, cases.Select(c => new CaseSummary(c.Id, c.Status.ToString(), c.Histology.ToString(), c.Urgency.ToString(), c.CreatedAt)).ToList());
    }

    /// <summary>The read model of a patient as held in memory (the register command answers with what it saved).</summary>
    public static Result From(Patient p, IReadOnlyList<CaseSummary> cases) =>
        new(p.Id, p.Mrn, p.FamilyName, p.GivenName, p.DateOfBirth, p.Sex, p.Language, p.Version, cases);
}
