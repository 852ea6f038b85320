using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Meetings;

public static class GetMeeting
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid MeetingId) : IQuery<Result>;

    public sealed record Result(Guid Id, string Title, DateTimeOffset StartsAt, int DurationMinutes, string? Location,
        string? VideoLink, Guid ChairId, string ChairName, int Capacity, DateTimeOffset SubmissionCutoff, MeetingStatus Status,
        string? CancellationReason, Guid? SeriesId, IReadOnlyList<Item> Agenda, IReadOnlyList<Attendee> Attendees,
        IReadOnlyList<Discipline> MissingForQuorum, bool HasQuorum, bool PastCutoff, uint Version)
    {
        /// <summary>Only in the answer to a change that warns (absent otherwise): a start more than a day early.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public IReadOnlyList<string>? Warnings { get; init; }
    }

    public sealed record Item(Guid Id, int Position, AgendaItemStatus Status, int? Minutes, bool IsLateAddition,
        string? LateAdditionReason, string? Reason, Guid CaseId, string Mrn, string PatientName, string Initials, string Levels,
        Urgency Urgency, string ClinicalQuestion, CaseStatus CaseStatus, Readiness Readiness);

    /// <summary>
    /// Which quorum disciplines have submitted (or locked) their assessment of the case, which the chair waived in this
    /// meeting (neither submitted nor waived: awaited), and stale imaging.
    /// </summary>
    public sealed record Readiness(IReadOnlyList<Discipline> Submitted, IReadOnlyList<Discipline> Awaiting, bool ImagingStale,
        DateOnly? NewestImaging)
    {
        /// <summary>The disciplines waived for the case in this meeting and not submitted; no longer awaited.</summary>
        public IReadOnlyList<Discipline> Waived { get; init; } = [];

        /// <summary>No imaging at all counts as stale.</summary>
        public static Readiness Of(IEnumerable<SpinalLesion> lesions, IEnumerable<Discipline> submitted, DateOnly staleBefore,
            IEnumerable<Discipline>? waived = null)
        {
            DateOnly? newest = lesions.Select(l => (DateOnly?)l.ImagingDate).Max();
            var done = submitted.ToHashSet();
            var excused = (waived ?? []).Where(d => !done.Contains(d)).ToHashSet();
            return new Readiness(Quorum.Required.Where(done.Contains).ToList(),
                Quorum.Required.Where(d => !done.Contains(d) && !excused.Contains(d)).ToList(), newest is null || newest < staleBefore, newest)
            {
                Waived = Quorum.Required.Where(excused.Contains).ToList(),
            };
        }
    }

    public sealed record Attendee(Guid UserId, string Name, Discipline? Discipline);

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock, IOptions<BoardOptions> options) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query q, CancellationToken ct) => await LoadAsync(db, q.MeetingId, clock, options.Value, ct);
    }

    /// <summary>The meeting as stored; inside a write's open transaction it sees that write (the meeting commands answer with it).</summary>
    public static async Task<Result> LoadAsync(TumorBoardDbContext db, Guid meetingId, BoardClock clock, BoardOptions options, CancellationToken ct)
    {
        var m = await MeetingAccess.ReadAsync(db, meetingId, ct);
        var caseIds = m.Agenda.Select(i => i.CaseId).ToList();
        var cases = await (from c in db.Cases.AsNoTracking()
                           join p in db.Patients on c.PatientId equals p.Id
                           where caseIds.Contains(c.Id)
                           select new { c.Id, p.Mrn, p.FamilyName, p.GivenName, c.Lesions, c.Urgency, c.ClinicalQuestion, c.Status })
            .ToDictionaryAsync(x => x.Id, ct);
        // One query for every case on the agenda: which disciplines have a submitted (or locked) assessment, and which
        // the chair waived in this meeting.
        var readiness = await db.Assessments.AsNoTracking()
            .Where(a => caseIds.Contains(a.CaseId) && a.Status != AssessmentStatus.Draft)
            .Select(a => new { a.CaseId, a.Discipline, Waived = false })
            .Concat(db.AssessmentWaivers.AsNoTracking().Where(w => w.MeetingId == meetingId)
                .Select(w => new { w.CaseId, w.Discipline, Waived = true }))
            .ToListAsync(ct);
        var submitted = readiness.Where(x => !x.Waived).ToLookup(x => x.CaseId, x => x.Discipline);
        var waived = readiness.Where(x => x.Waived).ToLookup(x => x.CaseId, x => x.Discipline);
        var (chairName, attendees) = await PeopleAsync(db, m, ct);

        var staleBefore = options.ImagingStaleBefore(clock.Today);
        var agenda = m.Agenda.Where(i => i.IsActive).OrderBy(i => i.Position).Select(i =>
        {
            var c = cases[i.CaseId];
            return new Item(i.Id, i.Position, i.Status, i.Minutes, i.IsLateAddition, i.LateAdditionReason, i.Reason, c.Id, c.Mrn,
                $"{c.FamilyName}, {c.GivenName}", $"{Initial(c.GivenName)}{Initial(c.FamilyName)}",
                string.Join(", ", c.Lesions.Select(l => l.Levels)), c.Urgency, c.ClinicalQuestion, c.Status,
                Readiness.Of(c.Lesions, submitted[c.Id], staleBefore, waived[c.Id]));
        }).ToList();
        return new Result(m.Id, m.Title, m.StartsAt, m.DurationMinutes, m.Location, m.VideoLink, m.ChairId,
            chairName, m.Capacity, m.SubmissionCutoff, m.Status, m.CancellationReason, m.SeriesId,
            agenda, attendees, m.MissingForQuorum, m.HasQuorum, m.IsPastCutoff(clock.UtcNow), m.Version);
    }

    static string Initial(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]).ToString() : "";

    /// <summary>The chair's name and the attendees by discipline and name, in one query.</summary>
    public static async Task<(string ChairName, IReadOnlyList<Attendee> Attendees)> PeopleAsync(TumorBoardDbContext db, Meeting m,
        CancellationToken ct)
    {
        var userIds = m.Attendees.Select(a => a.UserId).Append(m.ChairId).ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var attendees = m.Attendees.Select(a => new Attendee(a.UserId, names.GetValueOrDefault(a.UserId, "?"), a.Discipline))
            .OrderBy(a => a.Discipline).ThenBy(a => a.Name).ToList();
        return (names.GetValueOrDefault(m.ChairId, "?"), attendees);
    }
}
