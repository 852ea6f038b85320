using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

/// <summary>
/// The board view of one agenda item, used live in the meeting: the case, each quorum discipline's latest SUBMITTED
/// assessment version with its computed scores (drafts never show), the NOMS suggestion and the disagreements read off
/// those submitted versions, and what is still missing as plain sentences. Previous and next follow the agenda order so
/// the chair can step through the cases; where the board's decision stands. Six queries, whatever the size of the agenda
/// or of the version histories.
/// </summary>
public static class GetBoardView
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid MeetingId, Guid ItemId) : IQuery<Result>;

    /// <param name="PatientAge">Completed years today.</param>
    /// <param name="Assessments">One column per quorum discipline (<see cref="Quorum.Required"/>), in that order.</param>
    /// <param name="Conflicts">What contradicts what (<see cref="BoardConflicts"/>): NOMS against the submitted recommendations
    /// and against the plan of this discussion's latest decision version, re-irradiation, levels outside the lesions.</param>
    public sealed record Result(MeetingSummary Meeting, ItemSummary Item, GetCase.Result Case, int PatientAge,
        IReadOnlyList<Column> Assessments, BoardNomsResult Noms, IReadOnlyList<string> Disagreements,
        IReadOnlyList<string> MissingInputs, DecisionState Decision, IReadOnlyList<Conflict> Conflicts) : ICaseReadResult
    {
        Guid ICaseReadResult.ReadCaseId => Case.Id;

        /// <summary>
        /// The emergency plan outside a meeting this discussion reviews (issue #14 part 1: "later reviewed at the next
        /// board"): the case's newest signed version recorded outside this agenda item, when it is an emergency plan; null
        /// otherwise. It stays while the board decides here (a version it signs supersedes the plan).
        /// </summary>
        public EmergencyPlanReview? EmergencyPlan { get; init; }
    }

    /// <summary>An emergency plan under review: its version, outcome and plan, when it was signed and both signatures.</summary>
    /// <param name="Plan">One line per plan step, in order (kind, levels, dose, timing).</param>
    /// <param name="SignedAt">When the second discipline signed: the plan was signed then.</param>
    public sealed record EmergencyPlanReview(Guid DecisionId, int Number, DecisionStatus Status, DecisionOutcome Outcome,
        IReadOnlyList<string> Plan, string Rationale, DateTimeOffset SignedAt, IReadOnlyList<EmergencyPlanSignature> Signatures);

    /// <summary>One discipline's signature of the plan: the discipline, the signer's printed name, when.</summary>
    public sealed record EmergencyPlanSignature(Discipline Discipline, string Name, DateTimeOffset SignedAt);

    /// <summary>
    /// Where the board's decision on this item stands: the decision versions recorded in this discussion, the chair's
    /// waivers, and which preconditions for recording and signing are still unmet (empty: the board can decide now).
    /// </summary>
    public sealed record DecisionState(IReadOnlyList<DecisionVersion> Versions, IReadOnlyList<Waiver> Waivers, IReadOnlyList<string> Unmet)
    {
        // Initialised from Versions rather than computed (=>): the OpenAPI generator reads a get-only property as never
        // null, and both are null until the board records (draft) or signs (current) a version.
        public DecisionVersion? Draft { get; init; } = Versions.FirstOrDefault(v => v.Status == DecisionStatus.Draft);
        public DecisionVersion? Current { get; init; } = Versions.FirstOrDefault(v => v.Status == DecisionStatus.Signed);
    }

    public sealed record DecisionVersion(Guid Id, int Number, DecisionStatus Status, DecisionOutcome Outcome)
    {
        /// <summary>The version's plan (read for the conflicts; not part of the representation).</summary>
        [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<PlanStep> Plan { get; init; } = [];
    }

    public sealed record Waiver(Discipline Discipline, string Reason, string WaivedByName, DateTimeOffset WaivedAt);

    public sealed record MeetingSummary(Guid Id, string Title, MeetingStatus Status, DateTimeOffset StartsAt, Guid ChairId,
        string ChairName, bool HasQuorum, IReadOnlyList<Discipline> MissingForQuorum, IReadOnlyList<GetMeeting.Attendee> Attendees);

    /// <summary>The agenda item, its place on the agenda ("3 of 7") and its neighbours in agenda order.</summary>
    public sealed record ItemSummary(Guid Id, int Position, int AgendaCount, AgendaItemStatus Status, int? Minutes,
        bool IsLateAddition, string? LateAdditionReason, string? Reason, Guid? PreviousItemId, Guid? NextItemId,
        GetMeeting.Readiness Readiness);

    /// <summary>A quorum discipline and its latest submitted version; Submitted is null while there is none.</summary>
    public sealed record Column(Discipline Discipline, GetAssessmentVersion.Result? Submitted);

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock, IOptions<BoardOptions> options, RadiosensitivityTable table)
        : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query q, CancellationToken ct)
        {
            var meeting = await MeetingAccess.ReadAsync(db, q.MeetingId, ct);
            var agenda = meeting.ActiveAgenda.ToList();
            var index = agenda.FindIndex(i => i.Id == q.ItemId);
            if (index < 0) throw new NotFoundException(new RuleText("Meeting.ItemNotOnAgenda", q.ItemId, q.MeetingId));
            var item = agenda[index];
            var (chairName, attendees) = await GetMeeting.PeopleAsync(db, meeting, ct);
            var tumorCase = await GetCase.LoadAsync(db, item.CaseId, ct);
            var assessments = await AssessmentReads.ForCaseAsync(db, item.CaseId, ct);

            var columns = Quorum.Required.Select(d =>
                    assessments.FirstOrDefault(a => a.Discipline == d) is { } a && AssessmentReads.SubmittedVersion(a) is { } v
                        ? new Column(d, GetAssessmentVersion.Of(a, v))
                        : new Column(d, null))
                .ToList();
            var now = clock.UtcNow;
            var readiness = GetMeeting.Readiness.Of(tumorCase.Details.Lesions,
                columns.Where(c => c.Submitted is not null).Select(c => c.Discipline), options.Value.ImagingStaleBefore(clock.Today));
            var submitted = AssessmentReads.Submitted(assessments);
            var (decision, emergencyPlan) = await DecisionStateAsync(meeting, item, columns, ct);
            var noms = submitted.BoardNoms(AssessmentContext.For(tumorCase.Details, table));
            var conflicts = BoardConflicts.Find(new ConflictInput
            {
                Lesions = tumorCase.Details.Lesions, PriorRadiotherapy = tumorCase.Details.PriorRadiotherapy, Noms = noms.Suggestion,
                Neurosurgery = submitted.Neurosurgery, RadiationOncology = submitted.RadiationOncology,
                Plan = (decision.Draft ?? decision.Current)?.Plan ?? [],
            });

            return new Result(
                new MeetingSummary(meeting.Id, meeting.Title, meeting.Status, meeting.StartsAt, meeting.ChairId, chairName,
                    meeting.HasQuorum, meeting.MissingForQuorum, attendees),
                new ItemSummary(item.Id, item.Position, agenda.Count, item.Status, item.Minutes, item.IsLateAddition,
                    item.LateAdditionReason, item.Reason, index > 0 ? agenda[index - 1].Id : null,
                    index < agenda.Count - 1 ? agenda[index + 1].Id : null, readiness),
                tumorCase, Patient.AgeOn(tumorCase.Patient.DateOfBirth, clock.Today), columns,
                noms, submitted.Disagreements(),
                MissingInputs(tumorCase, readiness, assessments, meeting, options.Value.ImagingStaleDays), decision, conflicts)
            {
                EmergencyPlan = emergencyPlan,
            };
        }

        /// <summary>
        /// This discussion's decision versions and, in the same statement, the case's signed versions made elsewhere: the
        /// newest of those is the emergency plan under review when it is one (its signatures come along, a few rows).
        /// </summary>
        async Task<(DecisionState, EmergencyPlanReview?)> DecisionStateAsync(Meeting meeting, AgendaItem item, IReadOnlyList<Column> columns,
            CancellationToken ct)
        {
            var rows = await db.Decisions.AsNoTracking().IgnoreAutoIncludes()
                .Where(d => d.CaseId == item.CaseId && (d.AgendaItemId == item.Id || d.SignedAt != null)).OrderByDescending(d => d.Number)
                .Select(d => new
                {
                    d.Id, d.Number, d.Status, d.Outcome, d.ContentJson, d.AgendaItemId, d.Kind, d.SignedAt,
                    Signatures = d.EmergencySignatures.OrderBy(s => s.SignedAt)
                        .Select(s => new EmergencyPlanSignature(s.Discipline, s.SignerName, s.SignedAt)).ToList(),
                }).ToListAsync(ct);
            var versions = rows.Where(d => d.AgendaItemId == item.Id).Select(d => new DecisionVersion(d.Id, d.Number, d.Status, d.Outcome)
            {
                Plan = DecisionJson.Deserialize<DecisionContent>(d.ContentJson).Plan,
            }).ToList();
            var reviewed = rows.FirstOrDefault(d => d.AgendaItemId != item.Id && d.SignedAt is not null);
            EmergencyPlanReview? plan = null;
            if (reviewed is { Kind: DecisionKind.EmergencyPlan, SignedAt: { } signedAt })
            {
                var content = DecisionJson.Deserialize<DecisionContent>(reviewed.ContentJson);
                plan = new EmergencyPlanReview(reviewed.Id, reviewed.Number, reviewed.Status, reviewed.Outcome,
                    [.. content.Plan.Select(p => p.Summary)], content.Rationale, signedAt, reviewed.Signatures);
            }
            var waivers = await db.AssessmentWaivers.AsNoTracking().Where(w => w.AgendaItemId == item.Id).OrderBy(w => w.WaivedAt)
                .Select(w => new Waiver(w.Discipline, w.Reason, w.WaivedByName, w.WaivedAt)).ToListAsync(ct);
            var unmet = DecisionPreconditions.Unmet(meeting, item,
                columns.Where(c => c.Submitted is not null).Select(c => c.Discipline), waivers.Select(w => w.Discipline));
            return (new DecisionState(versions, waivers, unmet), plan);
        }
    }

    /// <summary>What the board still lacks for this case, one plain sentence each: assessments, case data, imaging, quorum.</summary>
    static List<string> MissingInputs(GetCase.Result tumorCase, GetMeeting.Readiness readiness, IReadOnlyList<Assessment> assessments,
        Meeting meeting, int imagingStaleDays)
    {
        List<string> lines = [];
        foreach (var discipline in readiness.Awaiting)
            lines.Add(assessments.FirstOrDefault(a => a.Discipline == discipline) is { } draft
                ? $"{DisplayWords.Of(discipline)} has not submitted its assessment (a draft, version {draft.CurrentVersionNumber}, is saved)."
                : $"{DisplayWords.Of(discipline)} has not started its assessment.");
        lines.AddRange(tumorCase.MissingForBoard.Select(m => $"Missing from the case record: {m}."));
        if (readiness.ImagingStale)
            lines.Add(readiness.NewestImaging is { } newest
                ? $"The newest spinal imaging is from {newest:yyyy-MM-dd}, more than {imagingStaleDays} days ago: make sure current imaging is available."
                : "No spinal imaging is recorded for the case.");
        lines.AddRange(meeting.MissingForQuorum.Select(d =>
            $"No quorum yet: nobody from {DisplayWords.InSentence(d)} is recorded as present."));
        return lines;
    }
}
