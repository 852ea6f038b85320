using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.FastTrack;

/// <summary>
/// Keeps each case's <see cref="MsccTrack"/> in step with what it is derived from (pathways.md §1), called by the
/// DbContext just before every save: whatever use case changes a case's details, a neurosurgery assessment, a decision, a
/// follow-up, a pathway timestamp or a breach reason, the triage and clocks are recomputed in the same transaction (and
/// audited as the track's change), so no handler can forget it. It reads the pending (tracked) state, not only the
/// database's: a tracking query returns the tracked instance of a row, and rows added in this save come from Local.
/// One query per kind of input for all the cases of the save.
/// </summary>
internal static class MsccRefresh
{
    public static async Task ApplyAsync(TumorBoardDbContext db, TimeZoneInfo zone, CancellationToken ct)
    {
        var ids = await AffectedCasesAsync(db, ct);
        if (ids.Count == 0) return;

        var cases = await Tracked(db.Cases, c => ids.Contains(c.Id), ct);
        var tracks = await Tracked(db.MsccTracks, t => ids.Contains(t.CaseId), ct);
        var assessments = await Tracked(db.Assessments, a => ids.Contains(a.CaseId) && a.Discipline == Discipline.Neurosurgery, ct);
        var assessmentIds = assessments.Select(a => a.Id).ToList();
        var versions = await Tracked(db.AssessmentVersions, v => assessmentIds.Contains(v.AssessmentId), ct);
        var decisions = await Tracked(db.Decisions, d => ids.Contains(d.CaseId), ct);
        var decisionIds = decisions.Select(d => d.Id).ToList();
        var followUps = await Tracked(db.DecisionFollowUps, f => decisionIds.Contains(f.DecisionId), ct);
        var stamps = await Tracked(db.MsccTimestamps, t => ids.Contains(t.CaseId), ct);
        var explained = await Tracked(db.MsccBreachExplanations, x => ids.Contains(x.CaseId), ct);

        foreach (var c in cases.Where(c => ids.Contains(c.Id)))
        {
            var track = tracks.FirstOrDefault(t => t.CaseId == c.Id);
            if (track is null)
            {
                track = MsccTrack.Start(c.Id);
                db.MsccTracks.Add(track);
            }
            var (sins, escc) = Scores(assessments.Where(a => a.CaseId == c.Id), versions);
            var derivation = Triage.Derive(new TriageInputs
            {
                Frankel = c.Frankel, Asia = c.Asia, Myelopathy = c.Myelopathy, Symptoms = c.MsccSymptoms, SinsTotal = sins, Escc = escc,
            });
            var inputs = ClockInputsOf(c, decisions.Where(d => d.CaseId == c.Id).ToList(), followUps,
                stamps.Where(s => s.CaseId == c.Id), zone);
            track.Refresh(derivation, level => PathwayClocks.For(inputs with { Triage = level }),
                explained.Where(x => x.CaseId == c.Id).Select(x => x.Clock).ToHashSet(),
                open: c.Status is not (CaseStatus.Closed or CaseStatus.Withdrawn));
        }
    }

    /// <summary>The cases whose inputs this save changes.</summary>
    static async Task<HashSet<Guid>> AffectedCasesAsync(TumorBoardDbContext db, CancellationToken ct)
    {
        HashSet<Guid> ids = [];
        List<Guid> assessmentIds = [], decisionIds = [];
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified)) continue;
            switch (e.Entity)
            {
                case TumorBoardCase c: ids.Add(c.Id); break;
                case Assessment a: ids.Add(a.CaseId); break;
                case AssessmentVersion v: assessmentIds.Add(v.AssessmentId); break;
                case BoardDecision d: ids.Add(d.CaseId); break;
                case DecisionFollowUp f: decisionIds.Add(f.DecisionId); break;
                case MsccTimestamp t: ids.Add(t.CaseId); break;
                case MsccBreachExplanation x: ids.Add(x.CaseId); break;
                case MsccTrack m when e.State == EntityState.Modified: ids.Add(m.CaseId); break;
            }
        }
        if (assessmentIds.Count > 0)
            ids.UnionWith(await db.Assessments.Where(a => assessmentIds.Contains(a.Id) && a.Discipline == Discipline.Neurosurgery)
                .Select(a => a.CaseId).ToListAsync(ct));
        if (decisionIds.Count > 0)
            ids.UnionWith(await db.Decisions.Where(d => decisionIds.Contains(d.Id)).Select(d => d.CaseId).ToListAsync(ct));
        return ids;
    }

    /// <summary>The rows in the database (as tracked instances, carrying their pending changes) and those added in this save.</summary>
    static async Task<List<T>> Tracked<T>(DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> where, CancellationToken ct)
        where T : class
    {
        var stored = await set.Where(where).ToListAsync(ct);
        var test = where.Compile();
        return [.. stored.Union(set.Local.Where(test))];
    }

    /// <summary>The highest SINS total and ESCC grade of the case's submitted neurosurgery assessment (its submitted version).</summary>
    static (int? Sins, EsccGrade? Escc) Scores(IEnumerable<Assessment> neurosurgery, List<AssessmentVersion> versions)
    {
        foreach (var a in neurosurgery)
        {
            if (a.SubmittedVersionNumber is not { } n) continue;
            if (versions.FirstOrDefault(v => v.AssessmentId == a.Id && v.Number == n) is not { } version) continue;
            if (AssessmentJson.Deserialize(Discipline.Neurosurgery, version.ContentJson) is not NeurosurgeryContent content) continue;
            var sins = content.Lesions.Select(l => Sins.Compute(l.ToSinsInput()).Total).OfType<int>().ToList();
            var grades = content.Lesions.Select(l => l.Grade).OfType<EsccGrade>().ToList();
            return (sins.Count == 0 ? null : sins.Max(), grades.Count == 0 ? null : grades.Max());
        }
        return (null, null);
    }

    static ClockInputs ClockInputsOf(TumorBoardCase c, List<BoardDecision> decisions, List<DecisionFollowUp> followUps,
        IEnumerable<MsccTimestamp> stamps, TimeZoneInfo zone)
    {
        var signed = decisions.Where(d => d.SignedAt is not null).OrderBy(d => d.SignedAt).ToList();
        var radiotherapyOnly = signed.FirstOrDefault(d => RadiotherapyWithoutSurgery(d.Content));
        DateTimeOffset? rtStarted = null;
        if (radiotherapyOnly is not null)
        {
            var days = signed.SelectMany(d => followUps.Where(f => f.DecisionId == d.Id && f.PerformedOn is not null
                    && f.StepNumber <= d.Content.Plan.Count && PlanStep.IsRadiotherapy(d.Content.Plan[f.StepNumber - 1].Kind))
                .Select(f => f.PerformedOn!.Value)).ToList();
            if (days.Count > 0) rtStarted = StartOf(days.Min(), zone);
        }
        return new ClockInputs
        {
            CaseRegisteredAt = c.CreatedAt,
            Events = stamps.GroupBy(s => s.Event)
                .ToDictionary(g => g.Key, g => g.OrderBy(s => s.RecordedAt).ThenBy(s => s.Id).Last().OccurredAt),
            PlanAgreedAt = signed.FirstOrDefault()?.SignedAt,
            RadiotherapyDecidedAt = radiotherapyOnly?.SignedAt,
            RadiotherapyStartedAt = rtStarted,
        };
    }

    /// <summary>A decision to treat with radiotherapy where surgery is not suitable: radiotherapy planned, no surgical step.</summary>
    public static bool RadiotherapyWithoutSurgery(DecisionContent content) =>
        content.Plan.Any(s => PlanStep.IsRadiotherapy(s.Kind))
        && !content.Plan.Any(s => s.Kind is PlanStepKind.SeparationSurgery or PlanStepKind.Stabilisation or PlanStepKind.EnBlocResection);

    /// <summary>The instant the board's local day begins (a date performed is a day, not a time: the day's start is the
    /// earliest the treatment can have begun, so a start on the due day counts as met and the next day as breached).</summary>
    static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
