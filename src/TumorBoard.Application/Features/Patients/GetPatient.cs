using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Patients;

public static class GetPatient
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid PatientId) : IQuery<Result>;

    public sealed record Result(Guid Id, string Mrn, string FamilyName, string GivenName, DateOnly DateOfBirth, Sex Sex,
        uint Version, IReadOnlyList<CaseSummary> Cases);

    public sealed record CaseSummary(Guid Id, string Status, string Histology, string Urgency, DateTimeOffset CreatedAt);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var p = await db.Patients.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.PatientId, ct)
                ?? throw NotFoundException.For("Patient", query.PatientId);
            var cases = await db.Cases.AsNoTracking().Where(c => c.PatientId == p.Id).OrderByDescending(c => c.CreatedAt)
                .Select(c => new { c.Id, c.Status, c.Histology, c.Urgency, c.CreatedAt }).ToListAsync(ct);
            return new Result(p.Id, p.Mrn, p.FamilyName, p.GivenName, p.DateOfBirth, p.Sex, p.Version,
                cases.Select(c => new CaseSummary(c.Id, c.Status.ToString(), c.Histology.ToString(), c.Urgency.ToString(), c.CreatedAt)).ToList());
        }
    }
}
