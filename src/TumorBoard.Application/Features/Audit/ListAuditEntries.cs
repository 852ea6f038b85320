using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Audit;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Audit;

/// <summary>
/// Reviewing the audit trail (DH-11): who read or changed which record, and when; newest (highest id) first.
/// Metadata only: never the changed values, so an administrator sees no clinical data here.
/// <para>
/// Each filter is served by an index: entity type and id by (entity_type, entity_id, id) (an id given without a type
/// is looked up under every audited type, so the same index still applies), the actor by (actor_id, id), the days by
/// (occurred_at). The operation has no index of its own: it narrows the rows the other filters select, and on its own
/// it is a scan of the trail (combine it with a record, an actor or days on a large trail).
/// </para>
/// </summary>
public static class ListAuditEntries
{
    [RequiresRole(Roles.Administrator)]
    public sealed record Query : PagedQuery, IQuery<Paged<Row>>
    {
        /// <summary>"Read", "Added", "Modified" or "Deleted".</summary>
        public string? Operation { get; init; }
        /// <summary>The entity's class name, e.g. "TumorBoardCase", "Patient", "Assessment", "AppUser".</summary>
        public string? EntityType { get; init; }
        /// <summary>The record's key as stored, e.g. a case id.</summary>
        public string? EntityId { get; init; }
        public Guid? ActorId { get; init; }
        /// <summary>First day (inclusive), in the board's time zone.</summary>
        public DateOnly? From { get; init; }
        /// <summary>Last day (inclusive), in the board's time zone.</summary>
        public DateOnly? To { get; init; }
    }

    public sealed record Row(long Id, DateTimeOffset OccurredAt, Guid? ActorId, string? ActorName, string Action,
        string EntityType, string EntityId, string Operation);

    public static readonly IReadOnlyList<string> Operations = [CaseReadLog.Operation, "Added", "Modified", "Deleted"];

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BoardClock clock)
        {
            RuleFor(q => q.From).SearchDay(clock);
            RuleFor(q => q.To).SearchDay(clock);
            RuleFor(q => q.Operation).Must(o => Operations.Contains(o!))
                .When(q => !string.IsNullOrWhiteSpace(q.Operation))
                .WithText("Audit_ChooseOneOf", string.Join(", ", Operations));
            RuleFor(q => q.EntityType).MaximumLength(100);
            RuleFor(q => q.EntityId).MaximumLength(200);
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithText("LastDayCannotBeforeFirstDay");
            Include(new KeysetQueryValidator<Key>(Order.List));
        }
    }

    /// <summary>The sort key: the entry's id, newest first.</summary>
    public sealed record Key(long Id);

    internal static readonly Keyset<AuditEntry, Key> Order = new("audit",
        q => q.OrderByDescending(a => a.Id), q => q.OrderBy(a => a.Id),
        (q, k) => q.Where(a => a.Id < k.Id), (q, k) => q.Where(a => a.Id > k.Id));

    public sealed class Handler(TumorBoardDbContext db, IOptions<BoardOptions> board) : IQueryHandler<Query, Paged<Row>>
    {
        public async ValueTask<Paged<Row>> Handle(Query query, CancellationToken ct)
        {
            var rows = db.AuditEntries.AsNoTracking();
            var type = Given(query.EntityType);
            if (Given(query.EntityId) is { } id)
            {
                // (entity_type, entity_id, id) leads with the type: without one, ask for every type the trail can hold.
                var types = type is null ? AuditedTypes() : [type];
                rows = rows.Where(a => types.Contains(a.EntityType) && a.EntityId == id);
            }
            else if (type is not null) rows = rows.Where(a => a.EntityType == type);
            if (query.ActorId is { } actor) rows = rows.Where(a => a.ActorId == actor);
            if (query.From is { } from)
            {
                var start = StartOf(from);
                rows = rows.Where(a => a.OccurredAt >= start);
            }
            if (query.To is { } to)
            {
                var end = StartOf(to.AddDays(1));
                rows = rows.Where(a => a.OccurredAt < end);
            }
            if (Given(query.Operation) is { } operation) rows = rows.Where(a => a.Operation == operation);

            return await Order.PageAsync(rows, query,
                a => new Row(a.Id, a.OccurredAt, a.ActorId, a.ActorName, a.Action, a.EntityType, a.EntityId, a.Operation),
                r => new Key(r.Id), ct);
        }

        static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        /// <summary>Every name AuditTrail can write as EntityType (the mapped classes), CaseReadLog's included.</summary>
        List<string> AuditedTypes() => db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Append(CaseReadLog.EntityType)
            .Distinct().ToList();

        /// <summary>Midnight of the day in the board's zone, as UTC (a midnight skipped by a clock change moves forward).</summary>
        DateTimeOffset StartOf(DateOnly day)
        {
            var zone = board.Value.Zone;
            var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
        }
    }
}
