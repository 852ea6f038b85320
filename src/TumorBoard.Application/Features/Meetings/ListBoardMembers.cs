using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>
/// Active specialists (with their discipline) and coordinators: the chair candidates of the meeting forms
/// and the attendance list of a meeting. Bounded by the size of the board, so not paged.
/// </summary>
public static class ListBoardMembers
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist)]
    public sealed record Query : IQuery<IReadOnlyList<Member>>
    {
        /// <summary>Only active specialists (chair candidates).</summary>
        public bool SpecialistsOnly { get; init; }
    }

    public sealed record Member(Guid Id, string Name, Discipline? Discipline, bool IsSpecialist);

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, IReadOnlyList<Member>>
    {
        public async ValueTask<IReadOnlyList<Member>> Handle(Query q, CancellationToken ct)
        {
            var rows = await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.IsActive && (r.Name == Roles.Specialist || (!q.SpecialistsOnly && r.Name == Roles.Coordinator))
                              select new { u.Id, u.DisplayName, u.Discipline, IsSpecialist = r.Name == Roles.Specialist })
                .Take(500).ToListAsync(ct);
            return rows.GroupBy(r => r.Id)
                .Select(g => new Member(g.Key, g.First().DisplayName, g.First().Discipline, g.Any(r => r.IsSpecialist)))
                .OrderBy(m => m.IsSpecialist ? 0 : 1).ThenBy(m => m.Discipline).ThenBy(m => m.Name).ToList();
        }
    }
}
