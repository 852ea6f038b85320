using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;
using static TumorBoard.UnitTests.Assessments.Contents;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>The conflict rules as tables: each row is one situation and the conflict codes it must raise (none: empty).</summary>
public sealed class BoardConflictsTests
{
    static readonly SpinalLesion T5Lesion = new() { LevelFrom = SpinalLevel.T4, LevelTo = SpinalLevel.T6, ImagingDate = new(2026, 11, 1) };
    static readonly PriorRadiotherapy T5Course = new()
    {
        LevelFrom = SpinalLevel.T4, LevelTo = SpinalLevel.T6, TotalDoseGy = 30m, Fractions = 10, EndDate = new(2025, 3, 1),
    };
    static readonly PriorRadiotherapy L3Course = new()
    {
        LevelFrom = SpinalLevel.L2, LevelTo = SpinalLevel.L4, TotalDoseGy = 20m, Fractions = 5, EndDate = new(2024, 6, 1),
    };

    static NomsResult Noms(string? radiation, string? mechanical = null, bool complete = true) =>
        new(complete, radiation, mechanical, [], [], complete ? [] : ["escc"]);

    static PlanStep Step(PlanStepKind kind, params SpinalLevel[] levels) =>
        new() { Kind = kind, TargetLevels = levels, Timing = StepTiming.Soon };

    static RadiationOncologyContent Ro(RadiationRecommendation r, bool reirradiation = false, params SpinalLevel[] levels) =>
        RadiationOncology() with { Recommendation = r, Reirradiation = reirradiation, TargetLevels = levels.Length == 0 ? [SpinalLevel.T5] : [.. levels] };

    static NeurosurgeryContent Ns(NeurosurgeryRecommendation r) => Neurosurgery() with { Recommendation = r };

    static ConflictInput Case => new() { Lesions = [T5Lesion] };

    public static TheoryData<string, ConflictInput, string[]> NomsAgainstSpecialists => new()
    {
        { "cEBRT vs separation surgery + postoperative SBRT",
            Case with { Noms = Noms(NomsCodes.Cebrt), Neurosurgery = Ns(NeurosurgeryRecommendation.SeparationSurgery), RadiationOncology = Ro(RadiationRecommendation.PostoperativeSbrt) },
            [ConflictCodes.NomsVsNeurosurgery, ConflictCodes.NomsVsRadiationOncology] },
        { "cEBRT vs no surgery + cEBRT",
            Case with { Noms = Noms(NomsCodes.Cebrt), Neurosurgery = Ns(NeurosurgeryRecommendation.None), RadiationOncology = Ro(RadiationRecommendation.ConventionalEbrt) },
            [] },
        { "cEBRT vs percutaneous stabilisation + cEBRT (mechanical step apart)",
            Case with { Noms = Noms(NomsCodes.Cebrt, NomsCodes.Stabilization), Neurosurgery = Ns(NeurosurgeryRecommendation.StabilisationPercutaneous), RadiationOncology = Ro(RadiationRecommendation.ConventionalEbrt) },
            [] },
        { "SRS vs SBRT alone",
            Case with { Noms = Noms(NomsCodes.Srs), Neurosurgery = Ns(NeurosurgeryRecommendation.None), RadiationOncology = Ro(RadiationRecommendation.SbrtSrs) },
            [] },
        { "SRS vs separation surgery + cEBRT",
            Case with { Noms = Noms(NomsCodes.Srs), Neurosurgery = Ns(NeurosurgeryRecommendation.SeparationSurgery), RadiationOncology = Ro(RadiationRecommendation.ConventionalEbrt) },
            [ConflictCodes.NomsVsNeurosurgery, ConflictCodes.NomsVsRadiationOncology] },
        { "separation surgery then SRS vs separation surgery + postoperative SBRT",
            Case with { Noms = Noms(NomsCodes.SeparationSurgeryThenSrs), Neurosurgery = Ns(NeurosurgeryRecommendation.SeparationSurgery), RadiationOncology = Ro(RadiationRecommendation.PostoperativeSbrt) },
            [] },
        { "separation surgery then SRS vs no surgery + cEBRT",
            Case with { Noms = Noms(NomsCodes.SeparationSurgeryThenSrs), Neurosurgery = Ns(NeurosurgeryRecommendation.None), RadiationOncology = Ro(RadiationRecommendation.ConventionalEbrt) },
            [ConflictCodes.NomsVsNeurosurgery, ConflictCodes.NomsVsRadiationOncology] },
        { "stabilisation suggested, no stabilising procedure recommended",
            Case with { Noms = Noms(NomsCodes.Cebrt, NomsCodes.Stabilization), Neurosurgery = Ns(NeurosurgeryRecommendation.None) },
            [ConflictCodes.NomsVsNeurosurgery] },
        { "stable spine, open stabilisation recommended",
            Case with { Noms = Noms(NomsCodes.Srs), Neurosurgery = Ns(NeurosurgeryRecommendation.StabilisationOpen), RadiationOncology = Ro(RadiationRecommendation.SbrtSrs) },
            [ConflictCodes.NomsVsNeurosurgery] },
        { "stable spine not established (NOMS incomplete), open stabilisation recommended",
            Case with { Noms = Noms(null, complete: false), Neurosurgery = Ns(NeurosurgeryRecommendation.StabilisationOpen) },
            [] },
        { "no NOMS suggestion and no assessments", Case, [] },
    };

    [Theory]
    [MemberData(nameof(NomsAgainstSpecialists))]
    public void The_NOMS_suggestion_is_weighed_against_each_specialist_recommendation(string situation, ConflictInput input, string[] codes)
    {
        BoardConflicts.Find(input).Select(c => c.Code).ShouldBe(codes, situation);
    }

    public static TheoryData<string, ConflictInput, string[]> NomsAgainstPlan => new()
    {
        { "cEBRT vs separation surgery + SBRT",
            Case with { Noms = Noms(NomsCodes.Cebrt), Plan = [Step(PlanStepKind.SeparationSurgery, SpinalLevel.T5), Step(PlanStepKind.SbrtSrs, SpinalLevel.T5)] },
            [ConflictCodes.NomsVsPlan] },
        { "cEBRT vs cEBRT and systemic therapy",
            Case with { Noms = Noms(NomsCodes.Cebrt), Plan = [Step(PlanStepKind.ConventionalEbrt, SpinalLevel.T5), Step(PlanStepKind.SystemicTherapy)] },
            [] },
        { "separation surgery then SRS vs separation surgery + SBRT",
            Case with { Noms = Noms(NomsCodes.SeparationSurgeryThenSrs), Plan = [Step(PlanStepKind.SeparationSurgery, SpinalLevel.T5), Step(PlanStepKind.SbrtSrs, SpinalLevel.T5)] },
            [] },
        { "separation surgery then SRS vs SBRT alone",
            Case with { Noms = Noms(NomsCodes.SeparationSurgeryThenSrs), Plan = [Step(PlanStepKind.SbrtSrs, SpinalLevel.T5)] },
            [ConflictCodes.NomsVsPlan] },
        { "SRS vs best supportive care", Case with { Noms = Noms(NomsCodes.Srs), Plan = [Step(PlanStepKind.BestSupportiveCare)] },
            [ConflictCodes.NomsVsPlan] },
        { "no radiation suggestion yet", Case with { Noms = Noms(null, complete: false), Plan = [Step(PlanStepKind.BestSupportiveCare)] }, [] },
    };

    [Theory]
    [MemberData(nameof(NomsAgainstPlan))]
    public void The_NOMS_suggestion_is_weighed_against_the_decision_plan(string situation, ConflictInput input, string[] codes)
    {
        BoardConflicts.Find(input).Select(c => c.Code).ShouldBe(codes, situation);
    }

    public static TheoryData<string, ConflictInput, string[]> Reirradiation => new()
    {
        { "re-irradiation yes, no prior course", Case with { RadiationOncology = Ro(RadiationRecommendation.SbrtSrs, reirradiation: true) },
            [ConflictCodes.ReirradiationWithoutPriorRadiotherapy] },
        { "re-irradiation yes, prior course elsewhere", Case with { PriorRadiotherapy = [L3Course], RadiationOncology = Ro(RadiationRecommendation.SbrtSrs, reirradiation: true) },
            [ConflictCodes.ReirradiationWithoutPriorRadiotherapy] },
        { "re-irradiation yes, prior course at the target", Case with { PriorRadiotherapy = [T5Course], RadiationOncology = Ro(RadiationRecommendation.SbrtSrs, reirradiation: true) },
            [] },
        { "re-irradiation no, prior course at the target", Case with { PriorRadiotherapy = [T5Course], RadiationOncology = Ro(RadiationRecommendation.SbrtSrs) },
            [ConflictCodes.PriorRadiotherapyNotFlagged] },
        { "re-irradiation no, prior course elsewhere", Case with { PriorRadiotherapy = [L3Course], RadiationOncology = Ro(RadiationRecommendation.SbrtSrs) },
            [] },
        { "plan irradiates a treated level, radiation oncology says no",
            Case with { PriorRadiotherapy = [T5Course], RadiationOncology = Ro(RadiationRecommendation.SbrtSrs, false, SpinalLevel.T5),
                Plan = [Step(PlanStepKind.SbrtSrs, SpinalLevel.T5)] },
            [ConflictCodes.PriorRadiotherapyNotFlagged, ConflictCodes.PlanReirradiatesUnflagged] },
        { "plan irradiates a treated level, radiation oncology flagged it",
            Case with { PriorRadiotherapy = [T5Course], RadiationOncology = Ro(RadiationRecommendation.SbrtSrs, reirradiation: true), Plan = [Step(PlanStepKind.SbrtSrs, SpinalLevel.T5)] },
            [] },
        { "plan operates on a treated level (not radiotherapy)",
            Case with { PriorRadiotherapy = [T5Course], Plan = [Step(PlanStepKind.SeparationSurgery, SpinalLevel.T5)] }, [] },
    };

    [Theory]
    [MemberData(nameof(Reirradiation))]
    public void Re_irradiation_is_checked_against_the_prior_courses_at_the_target_levels(string situation, ConflictInput input, string[] codes)
    {
        BoardConflicts.Find(input).Select(c => c.Code).ShouldBe(codes, situation);
    }

    public static TheoryData<string, ConflictInput, int> OutsideLesions => new()
    {
        { "SBRT on the lesion", Case with { Plan = [Step(PlanStepKind.SbrtSrs, SpinalLevel.T5)] }, 0 },
        { "SBRT one level beyond the lesion", Case with { Plan = [Step(PlanStepKind.SbrtSrs, SpinalLevel.T7)] }, 1 },
        { "cement augmentation at another level", Case with { Plan = [Step(PlanStepKind.CementAugmentation, SpinalLevel.L1)] }, 1 },
        { "stabilisation two levels above and below", Case with { Plan = [Step(PlanStepKind.Stabilisation, SpinalLevel.T2, SpinalLevel.T8)] }, 0 },
        { "stabilisation three levels below", Case with { Plan = [Step(PlanStepKind.Stabilisation, SpinalLevel.T4, SpinalLevel.T9)] }, 1 },
        { "two steps outside", Case with { Plan = [Step(PlanStepKind.SbrtSrs, SpinalLevel.L3), Step(PlanStepKind.ConventionalEbrt, SpinalLevel.C2)] }, 2 },
        { "radiation oncology targets another level", Case with { RadiationOncology = Ro(RadiationRecommendation.SbrtSrs, false, SpinalLevel.L3) }, 1 },
        { "neurosurgery targets within reach", Case with { Neurosurgery = Neurosurgery() with { TargetLevels = [SpinalLevel.T3, SpinalLevel.T7] } }, 0 },
        { "no lesions recorded", new ConflictInput { Plan = [Step(PlanStepKind.SbrtSrs, SpinalLevel.L3)] }, 0 },
    };

    [Theory]
    [MemberData(nameof(OutsideLesions))]
    public void Target_levels_outside_the_case_lesions_are_flagged(string situation, ConflictInput input, int count)
    {
        BoardConflicts.Find(input).Count(c => c.Code == ConflictCodes.TargetOutsideLesions).ShouldBe(count, situation);
    }

    [Fact]
    public void A_conflict_names_both_sides_in_words()
    {
        var conflicts = BoardConflicts.Find(Case with
        {
            Noms = Noms(NomsCodes.Cebrt), Neurosurgery = Ns(NeurosurgeryRecommendation.SeparationSurgery),
            PriorRadiotherapy = [T5Course], RadiationOncology = Ro(RadiationRecommendation.ConventionalEbrt),
            Plan = [Step(PlanStepKind.ConventionalEbrt, SpinalLevel.T9)],
        });

        conflicts.Select(c => c.Words).ShouldBe([
            "NOMS suggests conventional EBRT without surgery, while neurosurgery recommends separation surgery.",
            "Radiation oncology says no re-irradiation, but the case records prior radiotherapy at T4-T6, 30 Gy in 10 fractions ending 2025-03-01.",
            "Plan step 1 (conventional EBRT) targets T9, outside the case's lesions (T4-T6).",
        ]);
    }
}
