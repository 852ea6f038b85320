using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
/// follow-up, a pathway timestamp or a breach reason, the triage and clocks are recomputed in the same transaction, so no
/// handler can forget it. The track's change is no audited write of its own: <see cref="Common.Audit.AuditTrail"/> folds
/// it into the audit row of the change that caused it (one row per user action). It reads the pending (tracked) state, not only the
/// database's: a tracking query returns the tracked instance of a row, and rows added in this save come from Local.
/// One query per kind of input for all the cases of the save.
/// </summary>
internal static class MsccRefresh
{
    public static async Task ApplyAsync(TumorBoardDbContext db, TimeZoneInfo zone, CancellationToken ct)
    {
        var ids = await AffectedCasesAsync(db, ct);
        if (ids.Count == 0) return;

        // A case registered in this save has nothing stored yet: its track comes from what is in memory, no query.
        var stored = ids.Any(id => db.Cases.Local.FirstOrDefault(c => c.Id == id) is not { } c || db.Entry(c).State != EntityState.Added);
        var cases = await Tracked(stored, db.Cases, c => ids.Contains(c.Id), ct);
        var tracks = await Tracked(stored, db.MsccTracks, t => ids.Contains(t.CaseId), ct);
        var assessments = await Tracked(stored, db.Assessments, a => ids.Contains(a.CaseId) && a.Discipline == Discipline.Neurosurgery, ct);
        var assessmentIds = assessments.Select(a => a.Id).ToList();
        var versions = await Tracked(stored, db.AssessmentVersions, v => assessmentIds.Contains(v.AssessmentId), ct);
        var decisions = await Tracked(stored, db.Decisions, d => ids.Contains(d.CaseId), ct);
        var decisionIds = decisions.Select(d => d.Id).ToList();
        var followUps = await Tracked(stored, db.DecisionFollowUps, f => decisionIds.Contains(f.DecisionId), ct);
        var stamps = await Tracked(stored, db.MsccTimestamps, t => ids.Contains(t.CaseId), ct);
        var explained = await Tracked(stored, db.MsccBreachExplanations, x => ids.Contains(x.CaseId), ct);

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
                explained.Where(x => x.CaseId == c.Id), open: IsOpen(c.Status));
        }
    }

    /// <summary>
    /// The cases whose triage or clocks this save can change: only the inputs themselves count — a case's neurology, symptoms
    /// and open/closed state, the submission of a neurosurgery assessment, a signature, a date performed, a pathway time, a
    /// breach reason, a raise. Everything else (a draft save, a scheduling, an edit of the clinical question) costs nothing.
    /// </summary>
    static async Task<HashSet<Guid>> AffectedCasesAsync(TumorBoardDbContext db, CancellationToken ct)
    {
        HashSet<Guid> ids = [];
        List<Guid> decisionIds = [];
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified)) continue;
            var added = e.State == EntityState.Added;
            switch (e.Entity)
            {
                case TumorBoardCase c when added || Modified(e, CaseInputs) || OpenChanged(e):
                    ids.Add(c.Id); break;
                case Assessment a when a.Discipline == Discipline.Neurosurgery
                        && (added ? a.SubmittedVersionNumber is not null : Modified(e, nameof(Assessment.SubmittedVersionNumber))):
                    ids.Add(a.CaseId); break;
                case BoardDecision d when added ? d.SignedAt is not null : Modified(e, nameof(BoardDecision.SignedAt)):
                    ids.Add(d.CaseId); break;
                case DecisionFollowUp f when f.PerformedOn is not null:
                    decisionIds.Add(f.DecisionId); break;
                case MsccTimestamp t: ids.Add(t.CaseId); break;
                case MsccBreachExplanation x: ids.Add(x.CaseId); break;
                case MsccTrack m when !added: ids.Add(m.CaseId); break;
            }
        }
        if (decisionIds.Count > 0)
            ids.UnionWith(await db.Decisions.Where(d => decisionIds.Contains(d.Id)).Select(d => d.CaseId).ToListAsync(ct));
        return ids;
    }

    static readonly string[] CaseInputs =
        [nameof(TumorBoardCase.Frankel), nameof(TumorBoardCase.Asia), nameof(TumorBoardCase.Myelopathy), nameof(TumorBoardCase.MsccSymptoms)];

    /// <summary>Changed by this save (after DetectChanges, by each property's value comparer: a list compares by content).</summary>
    static bool Modified(EntityEntry e, params string[] properties) => properties.Any(p => e.Property(p).IsModified);

    /// <summary>Closing or withdrawing takes the case off the worklist (and reopening would put it back).</summary>
    static bool OpenChanged(EntityEntry e)
    {
        var status = e.Property(nameof(TumorBoardCase.Status));
        return status.IsModified && IsOpen((CaseStatus)status.OriginalValue!) != IsOpen((CaseStatus)status.CurrentValue!);
    }

    internal static bool IsOpen(CaseStatus status) => status is not (CaseStatus.Closed or CaseStatus.Withdrawn);

    /// <summary>The rows in the database (as tracked instances, carrying their pending changes) and those added in this save.</summary>
    static async Task<List<T>> Tracked<T>(bool stored, DbSet<T> set, System.Linq.Expressions.Expression<Func<T, bool>> where,
        CancellationToken ct) where T : class
    {
        List<T> rows = stored ? await set.Where(where).ToListAsync(ct) : [];
        var test = where.Compile();
        return [.. rows.Union(set.Local.Where(test))];
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
