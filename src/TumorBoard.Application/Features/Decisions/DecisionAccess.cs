using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>Loading decisions and what the rules need around them; the record-level "who may" rules of issue #6.</summary>
public static class DecisionAccess
{
    public static async Task<BoardDecision> LoadAsync(TumorBoardDbContext db, Guid decisionId, VersionMatch? expectedVersion, CancellationToken ct)
    {
        var d = await db.Decisions.FirstOrDefaultAsync(x => x.Id == decisionId, ct) ?? throw NotFoundException.For("Decision", decisionId);
        if (expectedVersion is { } v && !v.Matches(d.Version)) throw new StaleVersionException("decision");
        return d;
    }

    public static AgendaItem Item(Meeting meeting, Guid itemId) =>
        meeting.Agenda.FirstOrDefault(i => i.Id == itemId) ?? throw NotFoundException.For("Agenda item", itemId);

    /// <summary>The acting user as printed on the record: the account's current display name and discipline.</summary>
    public static async Task<BoardMember> MemberAsync(TumorBoardDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var id = user.RequiredId;
        var u = await db.Users.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.DisplayName, x.Discipline }).FirstAsync(ct);
        return new BoardMember(id, u.DisplayName, u.Discipline);
    }

    /// <summary>The meeting's preconditions (<see cref="DecisionPreconditions"/>) with the case's submitted assessments and the item's waivers.</summary>
    public static async Task RequirePreconditionsAsync(TumorBoardDbContext db, Meeting meeting, AgendaItem item, CancellationToken ct)
    {
        var submitted = await db.Assessments.Where(a => a.CaseId == item.CaseId && a.SubmittedVersionNumber != null)
            .Select(a => a.Discipline).ToListAsync(ct);
        var waived = await db.AssessmentWaivers.Where(w => w.AgendaItemId == item.Id).Select(w => w.Discipline).ToListAsync(ct);
        DecisionPreconditions.Require(meeting, item, submitted, waived);
    }

    /// <summary>Names, the NOMS suggestion and the waivers that go into the decision next to the form's content.</summary>
    public static async Task<DecisionInputs> InputsAsync(TumorBoardDbContext db, RadiosensitivityTable table, Guid caseId, Guid? itemId,
        DecisionContent content, CancellationToken ct)
    {
        var clinician = await ResponsibleClinicianNameAsync(db, content.ResponsibleClinicianId, ct);
        var tumorCase = await AssessmentReads.CaseAsync(db, caseId, ct);
        var noms = AssessmentReads.BoardNoms(await AssessmentReads.ForCaseAsync(db, caseId, ct), AssessmentContext.For(tumorCase, table));
        var waivers = await db.AssessmentWaivers.AsNoTracking().Where(w => w.AgendaItemId == itemId)
            .Select(w => new WaiverSnapshot(w.Discipline, w.Reason, w.WaivedByName, w.WaivedAt)).ToListAsync(ct);
        return new DecisionInputs(clinician, DecisionJson.Serialize(noms), waivers);
    }

    /// <summary>
    /// Who writes and amends an emergency plan outside a meeting (issue #14 part 1): a specialist of one of the two disciplines
    /// that sign it (neurosurgery, radiation oncology); anyone else 403. Coordinators read it.
    /// </summary>
    public static async Task<BoardMember> RequireEmergencyPlanAuthorAsync(TumorBoardDbContext db, ICurrentUser user, CancellationToken ct)
    {
        var author = await MemberAsync(db, user, ct);
        if (!user.IsInRole(Roles.Specialist) || author.Discipline is not { } discipline || !EmergencySignature.Disciplines.Contains(discipline))
            throw new ForbiddenException(new RuleText("Emergency.OnlyAuthors"));
        return author;
    }

    /// <summary>The responsible clinician must be an active clinician or specialist (a 400 on the field otherwise).</summary>
    static async Task<string> ResponsibleClinicianNameAsync(TumorBoardDbContext db, Guid? id, CancellationToken ct)
    {
        var name = await (
            from u in db.Users
            where u.Id == id && u.IsActive
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where r.Name == Roles.Clinician || r.Name == Roles.Specialist
            select u.DisplayName).FirstOrDefaultAsync(ct);
        return name ?? throw new ValidationException([new ValidationFailure("Content.ResponsibleClinicianId",
            ValidationTexts.Get("Decision_ResponsibleClinicianActive"))]);
    }

    /// <summary>
    /// Runs a write again, from a fresh read, when it lost a race with another write on the same rows (the xmin check, a
    /// unique index or an immutability trigger refused it). Each lost attempt means another write was saved, so a board's
    /// members answering at once all get through within <paramref name="attempts"/>; past that the refusal surfaces as the
    /// usual 409. Only for writes whose outcome does not depend on a version the caller read.
    /// </summary>
    public static async Task<T> RetryOnRaceAsync<T>(TumorBoardDbContext db, Func<Task<T>> write, int attempts = 12)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await write(); }
            catch (DbUpdateException e) when (attempt < attempts && LostRace(e)) { db.ChangeTracker.Clear(); }
        }
    }

    static bool LostRace(DbUpdateException e) => e is DbUpdateConcurrencyException
        || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.RaiseException };

    public static async Task<int> NextNumberAsync(TumorBoardDbContext db, Guid caseId, CancellationToken ct) =>
        (await db.Decisions.Where(d => d.CaseId == caseId).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1;

    public static async Task RequireNoDraftAsync(TumorBoardDbContext db, Guid caseId, CancellationToken ct)
    {
        var draft = await db.Decisions.Where(d => d.CaseId == caseId && d.Status == DecisionStatus.Draft)
            .Select(d => (int?)d.Number).FirstOrDefaultAsync(ct);
        if (draft is not null)
            throw new DomainConflictException(new RuleText("Decision.DraftPending", draft));
    }

    /// <summary>
    /// Who writes a draft: a coordinator, or the meeting's chair; for an amendment (after the meeting) a coordinator or a
    /// chair who may sign it (<see cref="DecisionPreconditions.MayApproveAmendment"/>).
    /// </summary>
    public static async Task RequireEditorAsync(TumorBoardDbContext db, ICurrentUser user, Meeting meeting, Guid caseId, bool amendment,
        CancellationToken ct)
    {
        if (user.IsInRole(Roles.Coordinator)) return;
        if (amendment) await RequireAmendmentApproverAsync(db, user.RequiredId, meeting, caseId, "write", ct);
        else MeetingAccess.RequireCoordinatorOrChair(user, meeting);
    }

    /// <summary>
    /// An amendment is signed again by a chair who answers for this case: the chair of <paramref name="original"/> (the
    /// meeting that made the decision being amended) or of a running meeting with the case on its agenda; 403 otherwise.
    /// </summary>
    public static async Task RequireAmendmentApproverAsync(TumorBoardDbContext db, Guid userId, Meeting original, Guid caseId, string what,
        CancellationToken ct)
    {
        var chaired = await RunningMeetingsChairedByAsync(db, userId, original, ct);
        if (DecisionPreconditions.MayApproveAmendment(original, chaired, caseId, userId)) return;
        var chairName = await db.Users.Where(u => u.Id == original.ChairId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "unknown";
        DecisionPreconditions.RequireAmendmentApprover(original, chaired, caseId, userId, chairName, what);
    }

    /// <summary>The same rule as a yes/no, for offering the forms (<see cref="GetDecisionActions"/>).</summary>
    public static async Task<bool> MayApproveAmendmentAsync(TumorBoardDbContext db, Guid userId, Meeting original, Guid caseId, CancellationToken ct) =>
        DecisionPreconditions.MayApproveAmendment(original, await RunningMeetingsChairedByAsync(db, userId, original, ct), caseId, userId);

    /// <summary>Besides the original meeting's chair, only the chair of a running meeting is admitted: load just those.</summary>
    static async Task<List<Meeting>> RunningMeetingsChairedByAsync(TumorBoardDbContext db, Guid userId, Meeting original, CancellationToken ct) =>
        original.ChairId == userId
            ? []
            : await db.Meetings.AsNoTracking().Where(m => m.ChairId == userId && m.Status == MeetingStatus.InProgress).ToListAsync(ct);
}
