using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.FollowUps;

/// <summary>
/// The coordinator's reminder list (issue #6 "overdue follow-ups appear on the coordinator's dashboard", practice.md (d)10):
/// current signed decisions whose follow-up date has passed, in the board's time zone, while at least one plan step has no
/// follow-up or only "unknown" as its latest record. Most overdue first. Superseded versions never appear: only the
/// current decision is followed up.
/// </summary>
public static class ListOverdueFollowUps
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Query : PagedQuery, IQuery<Paged<FollowUpRow>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => Include(new KeysetQueryValidator<FollowUpReads.Key>(FollowUpReads.Order.List));
    }

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock)
        : IQueryHandler<Query, Paged<FollowUpRow>>
    {
        public async ValueTask<Paged<FollowUpRow>> Handle(Query q, CancellationToken ct) =>
            await FollowUpReads.OverdueAsync(db, clock.Today, q, ct);
    }
}
