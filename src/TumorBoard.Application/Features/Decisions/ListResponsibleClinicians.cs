using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// The accounts a decision can name as responsible for carrying it out: active clinicians and specialists (the rule the
/// decision commands check). Bounded by the size of the care team, so not paged.
/// </summary>
public static class ListResponsibleClinicians
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Query : IQuery<IReadOnlyList<Clinician>>;

    public sealed record Clinician(Guid Id, string Name, Discipline? Discipline);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<Clinician>>
    {
        public async ValueTask<IReadOnlyList<Clinician>> Handle(Query query, CancellationToken ct)
        {
            var roleIds = db.Roles.Where(r => r.Name == Roles.Clinician || r.Name == Roles.Specialist).Select(r => r.Id);
            var holders = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
            return await db.Users.AsNoTracking()
                .Where(u => u.IsActive && holders.Contains(u.Id))
                .OrderBy(u => u.DisplayName)
                .Select(u => new Clinician(u.Id, u.DisplayName, u.Discipline))
                .Take(1000).ToListAsync(ct);
        }
    }
}
