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
    /// <summary>The lists' sort key: due date (undated last), signature time, decision id.</summary>
    public sealed record Key(DateOnly Due, DateTimeOffset SignedAt, Guid DecisionId);

    /// <summary>Soonest (most overdue) first, by the (…, due_order, signed_at, decision_id) indexes of decision_follow_up_states.</summary>
    internal static readonly Keyset<DecisionFollowUpState, Key> Order = new("follow-ups",
        q => q.OrderBy(s => s.DueOrder).ThenBy(s => s.SignedAt).ThenBy(s => s.DecisionId),
        q => q.OrderByDescending(s => s.DueOrder).ThenByDescending(s => s.SignedAt).ThenByDescending(s => s.DecisionId),
        (q, k) => After(q, k.Due, k.SignedAt.ToUniversalTime(), k.DecisionId),
        (q, k) => Before(q, k.Due, k.SignedAt.ToUniversalTime(), k.DecisionId));

    static IQueryable<DecisionFollowUpState> After(IQueryable<DecisionFollowUpState> q, DateOnly due, DateTimeOffset at, Guid id) =>
        q.Where(s => EF.Functions.GreaterThan(ValueTuple.Create(s.DueOrder, s.SignedAt, s.DecisionId), ValueTuple.Create(due, at, id)));

    static IQueryable<DecisionFollowUpState> Before(IQueryable<DecisionFollowUpState> q, DateOnly due, DateTimeOffset at, Guid id) =>
        q.Where(s => EF.Functions.LessThan(ValueTuple.Create(s.DueOrder, s.SignedAt, s.DecisionId), ValueTuple.Create(due, at, id)));

    /// <summary>Overdue follow-ups, most overdue first: one range scan of ix_decision_follow_up_states_open_due.</summary>
    public static Task<Paged<FollowUpRow>> OverdueAsync(TumorBoardDbContext db, DateOnly today, PagedQuery page, CancellationToken ct) =>
        PageAsync(db, db.DecisionFollowUpStates.Where(s => s.OpenSteps > 0 && s.DueOrder < today), today, page, ct);

    /// <summary>The signed decisions <paramref name="clinicianId"/> is responsible for, with an open step unless <paramref name="all"/>.</summary>
    public static Task<Paged<FollowUpRow>> ResponsibleAsync(TumorBoardDbContext db, Guid clinicianId, bool all, DateOnly today,
        PagedQuery page, CancellationToken ct)
    {
        var mine = db.DecisionFollowUpStates.Where(s => s.ResponsibleClinicianId == clinicianId);
        return PageAsync(db, all ? mine : mine.Where(s => s.OpenSteps > 0), today, page, ct);
    }

    /// <summary>The one rule for who records a follow-up: the decision's responsible clinician or a coordinator.</summary>
    public static bool MayRecord(ICurrentUser user, Guid? responsibleClinicianId) =>
        user.IsInRole(Roles.Coordinator) || (user.Id is { } id && id == responsibleClinicianId);

    /// <summary>
    /// A page of follow-up states with their decision, case and patient: the page's rows are found on the state table's
    /// index and each of their columns is read by primary key, so the cost is the page, not the number of signed decisions.
    /// Each column is its own scalar subquery on purpose: a projected <c>.First()</c> of an object made EF join a
    /// ROW_NUMBER() over every decision and every case ⋈ patient (sequential scans and an on-disk sort of 100,000 rows, 1–2 s
    /// at 100,000 cases; issue #11), where a scalar subquery is one index lookup per row of the page.
    /// </summary>
    static async Task<Paged<FollowUpRow>> PageAsync(TumorBoardDbContext db, IQueryable<DecisionFollowUpState> states, DateOnly today,
        PagedQuery query, CancellationToken ct)
    {
        var page = await Order.PageAsync(states.AsNoTracking(), query, s => new
        {
            s.DecisionId, s.CaseId, s.FollowUpDate, s.DueOrder, s.SignedAt, s.ResponsibleClinicianId, s.PlanSteps, s.OpenSteps,
            Number = db.Decisions.Where(d => d.Id == s.DecisionId).Select(d => (int?)d.Number).FirstOrDefault(),
            Outcome = db.Decisions.Where(d => d.Id == s.DecisionId).Select(d => (DecisionOutcome?)d.Outcome).FirstOrDefault(),
            ResponsibleClinicianName = db.Decisions.Where(d => d.Id == s.DecisionId).Select(d => d.ResponsibleClinicianName).FirstOrDefault(),
            FamilyName = db.Cases.Where(c => c.Id == s.CaseId).Join(db.Patients, c => c.PatientId, p => p.Id, (_, p) => p.FamilyName).FirstOrDefault(),
            GivenName = db.Cases.Where(c => c.Id == s.CaseId).Join(db.Patients, c => c.PatientId, p => p.Id, (_, p) => p.GivenName).FirstOrDefault(),
            Mrn = db.Cases.Where(c => c.Id == s.CaseId).Join(db.Patients, c => c.PatientId, p => p.Id, (_, p) => p.Mrn).FirstOrDefault(),
        }, x => new Key(x.DueOrder, x.SignedAt, x.DecisionId), ct);
        return page.Map(x =>
        {
            var overdue = x.FollowUpDate is { } due && due < today && x.OpenSteps > 0;
            // The state row's decision and case are foreign keys (cascading): a missing one is a broken database, not a row to show.
            if (x.Number is not { } number || x.Outcome is not { } outcome || x.Mrn is null)
                throw new InvalidOperationException($"The follow-up state of decision {x.DecisionId} has no decision or no case.");
            return new FollowUpRow(x.DecisionId, x.CaseId, $"{x.FamilyName}, {x.GivenName}", x.Mrn,
                number, outcome, x.FollowUpDate, overdue, overdue ? today.DayNumber - x.FollowUpDate!.Value.DayNumber : 0,
                x.ResponsibleClinicianId, x.ResponsibleClinicianName, x.OpenSteps, x.PlanSteps);
        });
    }
}
