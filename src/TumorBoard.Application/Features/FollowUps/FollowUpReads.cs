using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.FollowUps;

/// <summary>
/// One current signed decision as the follow-up lists show it (practice.md (b)12, (b)13, (d)10). A plan step is open while
/// it has no follow-up yet or only "unknown" as its latest record; the decision is overdue when its follow-up date has
/// passed (the board's local date) and a step is still open.
/// </summary>
public sealed record FollowUpRow(Guid DecisionId, Guid CaseId, string PatientName, string Mrn, int DecisionNumber,
    DecisionOutcome Outcome, DateOnly? FollowUpDate, bool Overdue, int DaysOverdue, Guid? ResponsibleClinicianId,
    string? ResponsibleClinicianName, int OpenSteps, int PlanSteps);

/// <summary>The follow-up lists' shared query: the coordinator's overdue list, "my follow-ups" and the dashboard.</summary>
public static class FollowUpReads
{
    /// <summary>Overdue follow-ups, most overdue first (backed by ix_decisions_signed_follow_up_date).</summary>
    public static Task<Paged<FollowUpRow>> OverdueAsync(TumorBoardDbContext db, DateOnly today, int page, int size, CancellationToken ct) =>
        PageAsync(Signed(db).Where(x => x.D.FollowUpDate < today && x.D.OpenSteps > 0), today, page, size, ct);

    /// <summary>The signed decisions <paramref name="clinicianId"/> is responsible for, with an open step unless <paramref name="all"/>.</summary>
    public static Task<Paged<FollowUpRow>> ResponsibleAsync(TumorBoardDbContext db, Guid clinicianId, bool all, DateOnly today,
        int page, int size, CancellationToken ct)
    {
        var mine = Signed(db).Where(x => x.D.ResponsibleClinicianId == clinicianId);
        return PageAsync(all ? mine : mine.Where(x => x.D.OpenSteps > 0), today, page, size, ct);
    }

    /// <summary>The one rule for who records a follow-up: the decision's responsible clinician or a coordinator.</summary>
    public static bool MayRecord(ICurrentUser user, Guid? responsibleClinicianId) =>
        user.IsInRole(Roles.Coordinator) || (user.Id is { } id && id == responsibleClinicianId);

    /// <summary>
    /// Every current signed decision with its plan and open step counts. The number of plan steps lives only in the signed
    /// content (jsonb), which LINQ cannot count, hence SQL; the latest follow-up of each step is one backward scan of the
    /// (decision_id, step_number, recorded_at) index, the same order as <see cref="BoardDecision.CurrentFollowUps"/>.
    /// EF composes joins, filters and paging around it and PostgreSQL flattens it, so the date or clinician filter is an
    /// index condition on the partial "status = 'Signed'" indexes and the counts are computed only for the rows it keeps:
    /// a page is two statements (count and rows), never one per row.
    /// </summary>
    static IQueryable<SignedDecision> SignedDecisions(TumorBoardDbContext db) => db.Database.SqlQuery<SignedDecision>($"""
        SELECT d.id, d.case_id, d.number, d.outcome, d.follow_up_date, d.responsible_clinician_id, d.responsible_clinician_name,
               d.signed_at,
               coalesce(jsonb_array_length(d.content -> 'plan'), 0) AS plan_steps,
               (SELECT count(*)::int
                  FROM generate_series(1, coalesce(jsonb_array_length(d.content -> 'plan'), 0)) AS s(n)
                 WHERE coalesce((SELECT f.status FROM decision_follow_ups f
                                  WHERE f.decision_id = d.id AND f.step_number = s.n
                                  ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1), 'Unknown') = 'Unknown') AS open_steps
          FROM decisions d
         WHERE d.status = 'Signed'
        """);

    static IQueryable<Joined> Signed(TumorBoardDbContext db) =>
        from d in SignedDecisions(db)
        join c in db.Cases on d.CaseId equals c.Id
        join p in db.Patients on c.PatientId equals p.Id
        select new Joined { D = d, PatientName = p.FamilyName + ", " + p.GivenName, Mrn = p.Mrn };

    static async Task<Paged<FollowUpRow>> PageAsync(IQueryable<Joined> rows, DateOnly today, int page, int size, CancellationToken ct)
    {
        var total = await rows.CountAsync(ct);
        var items = await rows
            .OrderBy(x => x.D.FollowUpDate == null).ThenBy(x => x.D.FollowUpDate).ThenBy(x => x.D.SignedAt).ThenBy(x => x.D.Id)
            .Skip((page - 1) * size).Take(size)
            .ToListAsync(ct);
        return new Paged<FollowUpRow>([.. items.Select(x =>
        {
            var d = x.D;
            var overdue = d.FollowUpDate is { } due && due < today && d.OpenSteps > 0;
            return new FollowUpRow(d.Id, d.CaseId, x.PatientName, x.Mrn, d.Number, Enum.Parse<DecisionOutcome>(d.Outcome), d.FollowUpDate,
                overdue, overdue ? today.DayNumber - d.FollowUpDate!.Value.DayNumber : 0, d.ResponsibleClinicianId,
                d.ResponsibleClinicianName, d.OpenSteps, d.PlanSteps);
        })], page, size, total);
    }

    /// <summary>The columns of <see cref="SignedDecisions"/> (snake_case, as everywhere); the outcome as stored (its name).</summary>
    internal sealed class SignedDecision
    {
        public Guid Id { get; init; }
        public Guid CaseId { get; init; }
        public int Number { get; init; }
        public string Outcome { get; init; } = "";
        public DateOnly? FollowUpDate { get; init; }
        public Guid? ResponsibleClinicianId { get; init; }
        public string? ResponsibleClinicianName { get; init; }
        public DateTimeOffset? SignedAt { get; init; }
        public int PlanSteps { get; init; }
        public int OpenSteps { get; init; }
    }

    /// <summary>Member-initialised so that EF can filter and order by its parts.</summary>
    internal sealed class Joined
    {
        public SignedDecision D { get; init; } = null!;
        public string PatientName { get; init; } = "";
        public string Mrn { get; init; } = "";
    }
}
