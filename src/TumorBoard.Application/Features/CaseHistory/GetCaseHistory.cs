using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.CaseHistory;

/// <summary>
/// A case's decision history (issue #6, DH-2): one timeline, oldest first, of registration, every agenda listing and
/// what became of it, every assessment version, waivers, every decision version (draft, amendment, changes to a draft,
/// positions, signature, supersession) and follow-ups, each with who and when. Filters: kinds, discipline (events of
/// that discipline only: its assessment versions, waivers and its members' positions) and a UTC date range (inclusive).
/// </summary>
public static class GetCaseHistory
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid CaseId) : IQuery<Result>, ICaseRead
    {
        public IReadOnlyList<HistoryEventKind> Kinds { get; init; } = [];
        public Discipline? Discipline { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
    }

    public sealed record CaseHeader(Guid Id, CaseStatus Status, GetCase.PatientSummary Patient, DateTimeOffset CreatedAt,
        string? CreatedByName);

    /// <summary>A decision version, for links and the "compare versions" choice.</summary>
    public sealed record DecisionVersion(Guid Id, int Number, DecisionStatus Status, DecisionOutcome Outcome, DateTimeOffset CreatedAt,
        string? SignerName, DateTimeOffset? SignedAt, bool HasDissent, DecisionKind Kind = DecisionKind.Board);

    /// <summary>The filtered events; <paramref name="TotalEvents"/> counts the whole history.</summary>
    public sealed record Result(CaseHeader Case, IReadOnlyList<DecisionVersion> Decisions, IReadOnlyList<HistoryEvent> Events,
        int TotalEvents);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BoardClock clock)
        {
            RuleFor(q => q.From).SearchDay(clock);
            RuleFor(q => q.To).SearchDay(clock);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithText("OnAfterFrom");
            RuleForEach(q => q.Kinds).IsInEnum();
            RuleFor(q => q.Discipline).IsInEnum();
        }
    }

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var data = (await CaseHistoryData.LoadAsync(db, query.CaseId, ct)) with { Zone = clock.Zone, ZoneName = clock.ZoneName };
            var all = CaseHistoryTimeline.Build(data);
            return new Result(Header(data), Versions(data), Filter(all, query, clock), all.Count);
        }
    }

    public static CaseHeader Header(CaseHistoryData data) =>
        new(data.Case.Case.Id, data.Case.Case.Status, data.Case.Patient, data.Case.Case.CreatedAt, data.Case.CreatedByName);

    public static IReadOnlyList<DecisionVersion> Versions(CaseHistoryData data) =>
        [.. data.Decisions.Select(d => new DecisionVersion(d.Id, d.Number, d.Status, d.Outcome, d.CreatedAt, d.SignerName, d.SignedAt,
            d.Positions.Any(p => p.Kind == PositionKind.Disagree), d.Kind))];

    /// <summary>From and To are the board's local days (as the audit list reads them), whatever zone the server runs in.</summary>
    public static IReadOnlyList<HistoryEvent> Filter(IEnumerable<HistoryEvent> events, Query query, BoardClock clock)
    {
        DateTimeOffset? from = query.From is { } f ? clock.StartOf(f) : null;
        DateTimeOffset? before = query.To is { } t && t < DateOnly.MaxValue ? clock.StartOf(t.AddDays(1)) : null;
        return [.. events.Where(e =>
            (query.Kinds.Count == 0 || query.Kinds.Contains(e.Kind))
            && (query.Discipline is null || e.Discipline == query.Discipline)
            && (from is null || e.OccurredAt >= from)
            && (before is null || e.OccurredAt < before))];
    }
}
