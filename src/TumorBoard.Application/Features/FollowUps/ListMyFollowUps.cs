using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.FollowUps;

/// <summary>
/// "All outstanding actions for a single user" (practice.md (b)12): the current signed decisions the signed-in user is the
/// responsible clinician for, with their due date, whether they are overdue and how many plan steps are still open.
/// By default only decisions with an open step; <see cref="Query.IncludeCompleted"/> lists the completed ones too.
/// Soonest due first, decisions without a follow-up date last.
/// </summary>
public static class ListMyFollowUps
{
    [RequiresRole(Roles.Specialist, Roles.Clinician, Roles.Coordinator)]
    public sealed record Query : PagedQuery, IQuery<Paged<FollowUpRow>>
    {
        /// <summary>Also list decisions whose every plan step has a final status.</summary>
        public bool? IncludeCompleted { get; init; }
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => Include(new KeysetQueryValidator<FollowUpReads.Key>(FollowUpReads.Order.List));
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock)
        : IQueryHandler<Query, Paged<FollowUpRow>>
    {
        public async ValueTask<Paged<FollowUpRow>> Handle(Query q, CancellationToken ct) =>
            await FollowUpReads.ResponsibleAsync(db, user.RequiredId, q.IncludeCompleted ?? false, clock.Today, q, ct);
    }
}
