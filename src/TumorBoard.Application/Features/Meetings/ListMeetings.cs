using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

public static class ListMeetings
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query : PagedQuery, IQuery<Paged<Row>>
    {
        public MeetingStatus? Status { get; init; }
        /// <summary>Meetings starting at or after this (default: from the start of today, UTC); past ones with IncludePast.</summary>
        public DateTimeOffset? From { get; init; }
        public bool? IncludePast { get; init; }
    }

    public sealed record Row(Guid Id, string Title, DateTimeOffset StartsAt, int DurationMinutes, string? Location, MeetingStatus Status,
        int Capacity, int AgendaCount, DateTimeOffset SubmissionCutoff, string ChairName);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BoardClock clock)
        {
            RuleFor(q => q.Status).IsInEnum();
            RuleFor(q => q.From).SearchInstant(clock);
            Include(new KeysetQueryValidator<Key>(Upcoming.List));
        }
    }

    /// <summary>The sort key: the start, then the id (the (starts_at, id) index, read either way).</summary>
    public sealed record Key(DateTimeOffset StartsAt, Guid Id);

    /// <summary>Upcoming meetings soonest first; with IncludePast, newest first (the same cursor names a position in either).</summary>
    internal static readonly Keyset<Meeting, Key> Upcoming = new("meetings",
        q => q.OrderBy(m => m.StartsAt).ThenBy(m => m.Id),
        q => q.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id),
        (q, k) => Later(q, k.StartsAt.ToUniversalTime(), k.Id),
        (q, k) => Earlier(q, k.StartsAt.ToUniversalTime(), k.Id));

    internal static readonly Keyset<Meeting, Key> Past = new("meetings",
        q => q.OrderByDescending(m => m.StartsAt).ThenByDescending(m => m.Id),
        q => q.OrderBy(m => m.StartsAt).ThenBy(m => m.Id),
        (q, k) => Earlier(q, k.StartsAt.ToUniversalTime(), k.Id),
        (q, k) => Later(q, k.StartsAt.ToUniversalTime(), k.Id));

    static IQueryable<Meeting> Later(IQueryable<Meeting> q, DateTimeOffset at, Guid id) =>
        q.Where(m => EF.Functions.GreaterThan(ValueTuple.Create(m.StartsAt, m.Id), ValueTuple.Create(at, id)));

    static IQueryable<Meeting> Earlier(IQueryable<Meeting> q, DateTimeOffset at, Guid id) =>
        q.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.StartsAt, m.Id), ValueTuple.Create(at, id)));

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock) : IQueryHandler<Query, Paged<Row>>
    {
        public async ValueTask<Paged<Row>> Handle(Query q, CancellationToken ct)
        {
            var meetings = db.Meetings.AsNoTracking().IgnoreAutoIncludes();
            if (q.Status is { } s) meetings = meetings.Where(m => m.Status == s);
            if (q.IncludePast != true)
            {
                var from = q.From?.ToUniversalTime() ?? clock.StartOf(clock.Today);
                meetings = meetings.Where(m => m.StartsAt >= from);
            }
            var order = q.IncludePast == true ? Past : Upcoming;
            return await order.PageAsync(meetings, q, m => new Row(m.Id, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.Status,
                    m.Capacity, m.AgendaCount, m.SubmissionCutoff, db.Users.Where(u => u.Id == m.ChairId).Select(u => u.DisplayName).First()),
                r => new Key(r.StartsAt, r.Id), ct);
        }
    }
}
