using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// The accounts a decision can name as responsible for carrying it out: active clinicians and specialists (the same rule
/// the decision commands check). Bounded by the size of the care team, so not paged.
/// </summary>
public static class ListResponsibleClinicians
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Query : IQuery<IReadOnlyList<Clinician>>;

    public sealed record Clinician(Guid Id, string Name, Discipline? Discipline, bool IsSpecialist);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<Clinician>>
    {
        public async ValueTask<IReadOnlyList<Clinician>> Handle(Query query, CancellationToken ct)
        {
            var rows = await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.IsActive && (r.Name == Roles.Clinician || r.Name == Roles.Specialist)
                              select new { u.Id, u.DisplayName, u.Discipline, IsSpecialist = r.Name == Roles.Specialist })
                .Take(1000).ToListAsync(ct);
            return rows.GroupBy(r => r.Id)
                .Select(g => new Clinician(g.Key, g.First().DisplayName, g.First().Discipline, g.Any(r => r.IsSpecialist)))
                .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        }
    }
}
