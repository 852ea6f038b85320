using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Development;

/// <summary>
/// Development demo: a board meeting in progress (chair: the neurosurgeon; the three specialists present) with two cases
/// whose three assessments are submitted. The first is decided (signed, with one dissent) so the decision page, the report
/// and the history have something to show; the second waits for the board's decision.
/// </summary>
public static class DemoBoard
{
    public static async Task SeedAsync(TumorBoardDbContext db, RadiosensitivityTable table)
    {
        if (await db.Meetings.AnyAsync()) return;
        var people = await db.Users.ToDictionaryAsync(u => u.Email!, u => new BoardMember(u.Id, u.DisplayName, u.Discipline));
        BoardMember P(int i) => people[DemoData.Accounts[i].Email];
        var (coordinator, medonc, radonc, chair, clinician) = (P(0), P(1), P(2), P(3), P(4));
        var cases = await db.Cases.Where(c => c.Status == CaseStatus.ReadyForBoard).OrderBy(c => c.CreatedAt).Take(2).ToListAsync();
        if (cases.Count < 2) return;

        var now = DateTimeOffset.UtcNow;
        var meeting = Meeting.Plan(new MeetingPlan("Spine tumor board (demo)", now.AddMinutes(-20), 90, "Room 4.12", null, chair.Id, 8,
            now.AddDays(-1)), null, coordinator.Id, now.AddDays(-3));
        var items = cases.Select(c => meeting.AddCase(c, "Demo meeting", coordinator.Id, now.AddDays(-2))).ToList();
        meeting.RecordAttendance([(chair.Id, chair.Discipline), (medonc.Id, medonc.Discipline), (radonc.Id, radonc.Discipline)], coordinator.Id, now);
        meeting.Start(chair.Id, now.AddMinutes(-20));
        db.Meetings.Add(meeting);

        foreach (var c in cases)
        {
            var context = AssessmentContext.For(c, table);
            var level = c.Lesions[0].LevelFrom;
            var epidural = c.Lesions[0].Compartments.Contains(Compartment.Epidural);
            db.Assessments.AddRange(
                Submitted(c.Id, Neurosurgery(level, epidural), context, chair, now),
                Submitted(c.Id, RadiationOncology(level, epidural), context, radonc, now),
                Submitted(c.Id, MedicalOncology(c.Histology), context, medonc, now));
        }
        await db.SaveChangesAsync();

        var first = cases[0];
        var assessments = await db.Assessments.Include(a => a.Versions).Where(a => a.CaseId == first.Id).ToListAsync();
        var noms = AssessmentReads.BoardNoms(assessments, AssessmentContext.For(first, table));
        var target = first.Lesions[0].LevelFrom;
        var decision = BoardDecision.Record(new DecisionTarget(first.Id, meeting.Id, items[0].Id), 1, new DecisionContent
        {
            Outcome = DecisionOutcome.TreatmentRecommendation,
            Plan =
            [
                new PlanStep { Kind = PlanStepKind.SeparationSurgery, TargetLevels = [target], Timing = StepTiming.Urgent },
                new PlanStep { Kind = PlanStepKind.SbrtSrs, TargetLevels = [target], DoseGy = 27m, Fractions = 3, Timing = StepTiming.AfterPreviousStep },
                new PlanStep { Kind = PlanStepKind.BoneModifyingAgent, Timing = StepTiming.Soon, Details = "Denosumab 120 mg every 4 weeks" },
            ],
            Intent = TreatmentIntent.LocalControl,
            Rationale = "High-grade epidural compression with a myelopathy: separation surgery first, then stereotactic radiotherapy.",
            NomsConcordance = NomsConcordance.Concordant,
            PatientPreferences = "Wants to stay mobile; accepts surgery after discussing the risks.",
            ResponsibleClinicianId = clinician.Id,
            FollowUpDate = DateOnly.FromDateTime(now.UtcDateTime.AddDays(28)),
        }, new DecisionInputs(clinician.Name, DecisionJson.Serialize(noms), []), coordinator, now.AddMinutes(-10));
        decision.RecordPosition(chair, PositionKind.Agree, null, now.AddMinutes(-8));
        decision.RecordPosition(medonc, PositionKind.Agree, null, now.AddMinutes(-8));
        decision.RecordPosition(radonc, PositionKind.Disagree, "I would offer SBRT alone and keep surgery for progression.", now.AddMinutes(-7));
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();

        decision.Sign(chair, now.AddMinutes(-5));
        meeting.RecordDecision(items[0].Id, first, relist: false, chair.Id, now.AddMinutes(-5));
        foreach (var a in assessments) a.Lock(now.AddMinutes(-5));
        await db.SaveChangesAsync();
    }

    static Assessment Submitted(Guid caseId, AssessmentContent content, AssessmentContext context, BoardMember author, DateTimeOffset now)
    {
        var by = new AssessmentAuthor(author.Id, author.Name, author.Discipline);
        var a = Assessment.StartDraft(caseId, content, context, by, now.AddHours(-26));
        a.Submit(context, by, now.AddHours(-25));
        return a;
    }

    /// <summary>With epidural disease: high-grade ESCC and myelopathy, separation surgery; without: ESCC 0, no surgery.</summary>
    static NeurosurgeryContent Neurosurgery(SpinalLevel level, bool epidural) => new()
    {
        Lesions =
        [
            new LesionAssessment
            {
                IndexLevel = level, Pain = PainCharacter.Mechanical, BoneLesion = SinsBoneLesion.Lytic, Alignment = SinsAlignment.Normal,
                Collapse = SinsCollapse.LessThan50Percent, Posterolateral = SinsPosterolateral.Unilateral, Escc = epidural ? "2" : "0", GrossInstability = false,
            },
        ],
        Frankel = epidural ? FrankelGrade.D : FrankelGrade.E, Myelopathy = epidural, Course = NeurologicalCourse.Stable,
        FitForOpenSurgery = SurgicalFitness.Yes,
        Recommendation = epidural ? NeurosurgeryRecommendation.SeparationSurgery : NeurosurgeryRecommendation.None,
        TargetLevels = epidural ? [level] : [],
        Rationale = epidural ? "High-grade ESCC with myelopathy; fit for surgery." : "No epidural disease and a potentially unstable but not unstable spine: no surgery now.",
    };

    static RadiationOncologyContent RadiationOncology(SpinalLevel level, bool epidural) => epidural
        ? new()
        {
            Reirradiation = false, Recommendation = RadiationRecommendation.PostoperativeSbrt, TotalDoseGy = 27m, Fractions = 3,
            TargetLevels = [level], Timing = RadiationTiming.AfterSurgery, Rationale = "Postoperative SBRT for durable local control.",
        }
        : new()
        {
            Reirradiation = false, Recommendation = RadiationRecommendation.ConventionalEbrt, TotalDoseGy = 20m, Fractions = 5,
            TargetLevels = [level], Timing = RadiationTiming.NoSurgery, Rationale = "Radiosensitive histology without compression: conventional EBRT.",
        };

    static MedicalOncologyContent MedicalOncology(PrimaryHistology histology) => new()
    {
        SystemicDisease = SystemicDiseaseStatus.Stable, VisceralMetastases = VisceralMetastases.None, TomitaVisceral = TomitaVisceral.None,
        BrainMetastases = false, Ecog = 1, Karnofsky = 80, ExtraspinalBoneMetastases = 2, VertebralBodyMetastases = 1,
        TokuhashiPrimarySite = histology == PrimaryHistology.Prostate ? TokuhashiPrimarySite.Prostate : TokuhashiPrimarySite.Breast, Frankel = FrankelGrade.D, TomitaPrimaryGrowth = TomitaPrimaryGrowth.Slow,
        TomitaBoneMetastases = TomitaBoneMetastases.Multiple, ExpectedSurvival = ExpectedSurvival.MoreThan12Months,
        SystemicTherapy = SystemicTherapyPlan.Continue, BoneModifyingAgent = BoneModifyingAgent.Denosumab, FitForSystemicTherapy = true,
        Rationale = "Stable systemic disease on current therapy.",
    };
}
