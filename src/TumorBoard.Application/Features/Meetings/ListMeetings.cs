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
            Include(new PagedQueryValidator());
        }
    }

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
            var total = await meetings.CountAsync(ct);
            var ordered = q.IncludePast == true ? meetings.OrderByDescending(m => m.StartsAt) : meetings.OrderBy(m => m.StartsAt);
            var rows = await ordered.ThenBy(m => m.Id).Skip(q.Skip).Take(q.Size)
                .Select(m => new Row(m.Id, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.Status, m.Capacity, m.AgendaCount,
                    m.SubmissionCutoff, db.Users.Where(u => u.Id == m.ChairId).Select(u => u.DisplayName).First()))
                .ToListAsync(ct);
            return new Paged<Row>(rows, q.PageNumber, q.Size, total);
        }
    }
}
