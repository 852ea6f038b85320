using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Application.Features.Reports;

/// <summary>One recorded dispatch of a decision report to the referrer, as the API and the report page show it.</summary>
public sealed record ReportDispatchView(Guid Id, Guid DecisionId, int DecisionNumber, string DecisionHash, ReportChannel Channel,
    string Recipient, DateTimeOffset SentAt, string? Note, DateTimeOffset RecordedAt, string RecordedByName)
{
    public static IQueryable<ReportDispatchView> Project(IQueryable<ReportDispatch> q) =>
        q.Select(x => new ReportDispatchView(x.Id, x.DecisionId, x.DecisionNumber, x.DecisionHash, x.Channel, x.Recipient, x.SentAt,
            x.Note, x.RecordedAt, x.RecordedByName));
}

/// <summary>The working-day rule of measure 11 (pathways.md §2), shared by the report page and the analytics SQL.</summary>
public static class ReportDeadline
{
    /// <summary>
    /// One working day after the signature: 24 hours, moved past a Saturday or Sunday in the board's time zone (public
    /// holidays are not known to the system). The analytics measure <c>report-sent</c> uses the same rule in SQL.
    /// </summary>
    public static DateTimeOffset DueBy(DateTimeOffset signedAt, TimeZoneInfo zone)
    {
        var due = signedAt.AddDays(1);
        return TimeZoneInfo.ConvertTime(due, zone).DayOfWeek switch
        {
            DayOfWeek.Saturday => due.AddDays(2),
            DayOfWeek.Sunday => due.AddDays(1),
            _ => due,
        };
    }
}

static class ReportDispatchAccess
{
    public static async Task<BoardDecision> DecisionAsync(TumorBoardDbContext db, Guid decisionId, CancellationToken ct) =>
        await db.Decisions.AsNoTracking().IgnoreAutoIncludes().FirstOrDefaultAsync(d => d.Id == decisionId, ct)
            ?? throw NotFoundException.For("Decision", decisionId);
}
