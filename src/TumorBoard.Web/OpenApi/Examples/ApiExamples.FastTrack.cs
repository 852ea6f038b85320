using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Mscc;
using TumorBoard.Web.Api;

namespace TumorBoard.Web.OpenApi.Examples;

/// <summary>
/// Mrs. Keller's fast track (docs/domain/pathways.md §1): thoracic pain at night without neurology makes her P2 urgent; the
/// referral came on 23 November, MSCC was suspected the same morning, the whole-spine MRI was done the next day (met), and
/// the treatment plan waits for the board of 8 December, past its week (breached, with a coded reason). The clocks are
/// computed by the domain from these times, as the server computes them.
/// </summary>
public static partial class ApiExamples
{
    static readonly DateTimeOffset FirstContactAt = new(2026, 11, 23, 9, 40, 0, TimeSpan.Zero);
    static readonly DateTimeOffset MsccSuspectedAt = new(2026, 11, 23, 10, 5, 0, TimeSpan.Zero);
    static readonly DateTimeOffset MriDoneAt = new(2026, 11, 24, 14, 30, 0, TimeSpan.Zero);
    static readonly DateTimeOffset MriRecordedAt = new(2026, 11, 24, 15, 2, 0, TimeSpan.Zero);
    static readonly DateTimeOffset BreachExplainedAt = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);

    static readonly IReadOnlyList<MsccSymptom> KellerSymptoms = [MsccSymptom.ThoracicOrCervicalPain, MsccSymptom.NightPain];

    const string BreachText = "The first board with room for her case is on 8 December; her neurology is intact and the neurosurgeon " +
        "saw her on 27 November.";

    static TriageDerivation KellerDerivation => Triage.Derive(new TriageInputs
    {
        Frankel = Domain.Clinical.FrankelGrade.E, Asia = Domain.Clinical.AsiaGrade.E, Myelopathy = false, Symptoms = KellerSymptoms, SinsTotal = 9,
    });

    static IReadOnlyList<PathwayClock> KellerClocks => PathwayClocks.For(new ClockInputs
    {
        Triage = KellerDerivation.Level, CaseRegisteredAt = CaseCreatedAt,
        Events = new Dictionary<MsccEvent, DateTimeOffset>
        {
            [MsccEvent.FirstContact] = FirstContactAt, [MsccEvent.MsccSuspected] = MsccSuspectedAt, [MsccEvent.MriWholeSpineDone] = MriDoneAt,
        },
    });

    static IReadOnlyList<BreachNote> KellerBreachNotes =>
        [new(MsccClockName.TreatmentPlan, BreachReason.Other, BreachText, CoordinatorName, BreachExplainedAt)];

    static IReadOnlyList<ClockView> KellerClockViews => ClockView.Of(KellerClocks, KellerBreachNotes, AsOf);

    static GetFastTrack.Result FastTrackExample => new()
    {
        CaseId = CaseId, Triage = KellerDerivation.Level, DerivedTriage = KellerDerivation.Level, DerivedReasons = KellerDerivation.Reasons,
        Derivation = KellerDerivation.Explanation, Clocks = KellerClockViews,
        Timestamps =
        [
            new(new Guid("0193f2a8-5c41-7e20-9b6d-4a8e1f3c7d52"), MsccEvent.MriWholeSpineDone, MriDoneAt,
                "Whole-spine MRI at the cantonal hospital; report in the PACS.", CoordinatorName, MriRecordedAt, true),
            new(new Guid("0193f0b4-2e17-7a93-8c5f-1d6b9e0a4c38"), MsccEvent.MsccSuspected, MsccSuspectedAt, null, CoordinatorName,
                CaseCreatedAt, true),
            new(new Guid("0193f0b4-2e16-7c41-a2d8-5f0e3b7c9a16"), MsccEvent.FirstContact, FirstContactAt,
                "Referral by phone from Dr. Marti.", CoordinatorName, CaseCreatedAt, true),
        ],
    };

    static void FastTrackExamples()
    {
        const string raiseReason = "New numbness in both feet reported by phone this morning; Frankel to be re-examined today.";
        Request("RaiseTriage", new FastTrackEndpoints.RaiseBody(TriageLevel.P1, raiseReason),
            new RaiseTriage.Command { CaseId = CaseId, Triage = TriageLevel.P1, Reason = raiseReason });
        const string note = "Whole-spine MRI at the cantonal hospital; report in the PACS.";
        Request("RecordMsccTimestamp", new FastTrackEndpoints.TimestampBody(MsccEvent.MriWholeSpineDone, MriDoneAt, note),
            new RecordMsccTimestamp.Command { CaseId = CaseId, Event = MsccEvent.MriWholeSpineDone, OccurredAt = MriDoneAt, Note = note },
            MriRecordedAt);
        Request("ExplainBreach", new FastTrackEndpoints.BreachReasonBody(MsccClockName.TreatmentPlan, BreachReason.Other, BreachText),
            new ExplainBreach.Command { CaseId = CaseId, Clock = MsccClockName.TreatmentPlan, Reason = BreachReason.Other, Text = BreachText },
            BreachExplainedAt);
        Response(FastTrackExample);

        // A P1 case suspected this morning comes first; Mrs. Keller's plan clock is overdue but has its reason.
        var suspected = new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero);
        var p1Clocks = ClockView.Of(PathwayClocks.For(new ClockInputs
        {
            Triage = TriageLevel.P1, CaseRegisteredAt = suspected.AddMinutes(20),
            Events = new Dictionary<MsccEvent, DateTimeOffset> { [MsccEvent.MsccSuspected] = suspected },
        }), [], AsOf);
        var kellerDue = KellerClocks.Where(c => c.StoppedAt is null).Min(c => c.DueAt);
        Response(new Paged<GetFastTrackWorklist.Row>(
            [
                new(new Guid("c3f81d2a-7b64-4e09-a5d1-8e2f6b4c9a70"), "Meier, Peter", "KSZ-0051907", CaseStatus.Draft, TriageLevel.P1,
                    suspected.AddHours(24), (long)(suspected.AddHours(24) - AsOf).TotalMinutes, false, p1Clocks),
                new(CaseId, PatientName, Mrn, CaseStatus.ReadyForBoard, KellerDerivation.Level, kellerDue,
                    (long)Math.Floor((kellerDue - AsOf).TotalMinutes), false, KellerClockViews),
            ], 1, 25, 2));
    }
}
