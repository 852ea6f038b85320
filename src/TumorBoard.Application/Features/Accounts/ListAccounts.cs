using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Accounts;

public static class ListAccounts
{
    [RequiresRole(Roles.Administrator)]
    public sealed record Query : PagedQuery, IQuery<Paged<Row>>
    {
        /// <summary>Part of the email or display name.</summary>
        public string? Text { get; init; }
    }

    public sealed record Row(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, Discipline? Discipline, bool IsActive);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            Include(new KeysetQueryValidator<Key>(Order.List));
            RuleFor(q => q.Text).MaximumLength(100);
        }
    }

    /// <summary>The sort key: the display name, then the id.</summary>
    public sealed record Key(string DisplayName, Guid Id);

    internal static readonly Keyset<AppUser, Key> Order = new("accounts",
        q => q.OrderBy(u => u.DisplayName).ThenBy(u => u.Id),
        q => q.OrderByDescending(u => u.DisplayName).ThenByDescending(u => u.Id),
        (q, k) => q.Where(u => EF.Functions.GreaterThan(ValueTuple.Create(u.DisplayName, u.Id), ValueTuple.Create(k.DisplayName, k.Id))),
        (q, k) => q.Where(u => EF.Functions.LessThan(ValueTuple.Create(u.DisplayName, u.Id), ValueTuple.Create(k.DisplayName, k.Id))));

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Paged<Row>>
    {
        public async ValueTask<Paged<Row>> Handle(Query query, CancellationToken ct)
        {
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Text))
            {
                var pattern = Like.Contains(query.Text);
                users = users.Where(u => EF.Functions.ILike(u.Email!, pattern, "\\") || EF.Functions.ILike(u.DisplayName, pattern, "\\"));
            }
            var page = await Order.PageAsync(users, query, u => new
                {
                    u.Id, u.Email, u.DisplayName, u.Discipline, u.IsActive,
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList(),
                }, u => new Key(u.DisplayName, u.Id), ct);
            return page.Map(u => new Row(u.Id, u.Email ?? "", u.DisplayName, u.Roles, u.Discipline, u.IsActive));
        }
    }
}
