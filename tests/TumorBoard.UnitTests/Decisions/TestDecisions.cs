using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.UnitTests.Cases;

namespace TumorBoard.UnitTests.Decisions;

/// <summary>Decisions built through the domain, on the fixed clock of <see cref="TestCases"/>.</summary>
public static class TestDecisions
{
    public static DateTimeOffset Now => TestCases.Now;
    public static DateOnly Today => FixedClock.Today;
    public static readonly Guid ResponsibleClinician = Guid.NewGuid();
    public static readonly BoardMember Coordinator = new(Guid.NewGuid(), "Corinne Coordinator", null);
    public static readonly BoardMember Chair = new(Guid.NewGuid(), "Dr. Nora Neurosurg", Discipline.Neurosurgery);
    public static readonly BoardMember MedOnc = new(Guid.NewGuid(), "Dr. Maya Medonc", Discipline.MedicalOncology);
    public static readonly BoardMember RadOnc = new(Guid.NewGuid(), "Dr. Rafael Radonc", Discipline.RadiationOncology);

    /// <summary>Stabilisation T11–T12 then conventional EBRT 20 Gy in 5 fractions, palliative, concordant; follow-up in 30 days.</summary>
    public static DecisionContent Content() => new()
    {
        Outcome = DecisionOutcome.TreatmentRecommendation,
        Plan =
        [
            new PlanStep { Kind = PlanStepKind.Stabilisation, TargetLevels = [SpinalLevel.T11, SpinalLevel.T12], Timing = StepTiming.Soon },
            new PlanStep { Kind = PlanStepKind.ConventionalEbrt, TargetLevels = [SpinalLevel.T11, SpinalLevel.T12], DoseGy = 20m, Fractions = 5,
                Timing = StepTiming.AfterPreviousStep },
        ],
        Intent = TreatmentIntent.Palliative,
        Rationale = "Mechanical instability (SINS 13) with a radiosensitive breast primary: stabilisation, then conventional EBRT.",
        NomsConcordance = NomsConcordance.Concordant,
        PatientPreferences = "Wants to stay mobile; accepts an operation.",
        ResponsibleClinicianId = ResponsibleClinician,
        FollowUpDate = Today.AddDays(30),
    };

    /// <summary>The board asks for imaging before deciding.</summary>
    public static DecisionContent MoreInformation() => Content() with
    {
        Outcome = DecisionOutcome.MoreInformationNeeded, InformationNeeded = [InformationNeeded.Imaging], Plan = [],
        Intent = null, NomsConcordance = null, FollowUpDate = null,
    };

    public static DecisionInputs Inputs(string nomsJson = """{"suggestion":"SeparationSurgeryThenSbrt"}""", IReadOnlyList<WaiverSnapshot>? waivers = null) =>
        new("Dr. Claude Clinician", nomsJson, waivers ?? []);

    public static DecisionTarget Target() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    public static BoardDecision Draft(DecisionContent? content = null, DecisionTarget? target = null, int number = 1) =>
        BoardDecision.Record(target ?? Target(), number, content ?? Content(), Inputs(), Coordinator, Now);

    public static BoardDecision Signed(DecisionContent? content = null)
    {
        var d = Draft(content);
        d.RecordPosition(MedOnc, PositionKind.Agree, null, Now);
        d.Sign(Chair, Now.AddMinutes(1));
        return d;
    }
}
