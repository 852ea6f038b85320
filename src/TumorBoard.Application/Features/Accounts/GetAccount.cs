using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Accounts;

public static class GetAccount
{
    [RequiresRole(Roles.Administrator)]
    public sealed record Query(Guid Id) : IQuery<Result>;

    public sealed record Result(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Discipline? Discipline,
        bool IsActive, bool IsLockedOut, DateTimeOffset CreatedAt, uint Version);

    public sealed class Handler(TumorBoardDbContext db, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct) => await LoadAsync(db, query.Id, clock, ct);
    }

    /// <summary>The account as stored; inside a write's open transaction it sees that write (CreateAccount answers with it).</summary>
    public static async Task<Result> LoadAsync(TumorBoardDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw NotFoundException.For("Account", id);
        var roles = await db.UserRoles.Where(ur => ur.UserId == u.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync(ct);
        var locked = u.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new Result(u.Id, u.Email ?? "", u.DisplayName, roles, u.Discipline, u.IsActive, locked, u.CreatedAt, u.Version);
    }
}
