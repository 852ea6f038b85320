using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Api;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    public static readonly Guid DecisionId = new("5e9c1a7f-3b4d-4a62-8f0e-d7b2c6a9e381");
    public static readonly Guid AmendmentId = new("f3a8d2c6-9e1b-4f57-a4c0-2b7e5d9f1c83");
    static readonly DateTimeOffset DecisionDraftedAt = new(2026, 12, 8, 15, 22, 0, TimeSpan.Zero);
    static readonly DateTimeOffset DecisionSignedAt = new(2026, 12, 8, 15, 31, 0, TimeSpan.Zero);
    const string ContentHash = "9f2c4e7a1b8d3f6c0e5a9b2d7c4f1e8a3b6d9c2f5e8a1b4d7c0f3e6a9b2c5d8e";
    const string SignedHash = "4b7e0a3d6c9f2e5b8a1d4c7f0e3b6a9d2c5f8e1b4a7d0c3f6e9b2a5d8c1f4e7b";
    /// <summary>The follow-up is recorded after the surgery (14 December) and the SBRT (11 January).</summary>
    static readonly DateTimeOffset FollowUpAt = new(2027, 1, 13, 9, 0, 0, TimeSpan.Zero);

    static PlanStep SeparationSurgery => new()
    {
        Kind = PlanStepKind.SeparationSurgery, TargetLevels = [SpinalLevel.T9, SpinalLevel.T10, SpinalLevel.T11], Timing = StepTiming.Urgent,
        Details = "Posterior decompression at T10 with percutaneous T9–T11 pedicle screw fixation.",
    };

    static PlanStep Sbrt => new()
    {
        Kind = PlanStepKind.SbrtSrs, TargetLevels = [SpinalLevel.T10], DoseGy = 24m, Fractions = 2, Timing = StepTiming.AfterPreviousStep,
        Details = "Postoperative SBRT 3–5 weeks after surgery, once the wound has healed.",
    };

    static PlanStep SystemicTherapy => new()
    {
        Kind = PlanStepKind.SystemicTherapy, Timing = StepTiming.AfterPreviousStep,
        Details = "Resume palbociclib after wound healing; continue letrozole and denosumab.",
    };

    /// <summary>Separation surgery then SBRT 24 Gy in 2 fractions, concordant with NOMS.</summary>
    static DecisionContent Decision => new()
    {
        Outcome = DecisionOutcome.TreatmentRecommendation,
        Plan = [SeparationSurgery, Sbrt, SystemicTherapy],
        Intent = TreatmentIntent.LocalControl,
        Rationale = "Potentially unstable T10 metastasis (SINS 9) with mechanical pain and low-grade epidural compression (Bilsky 1b) " +
            "of radiosensitive breast cancer in a fit patient (ECOG 1) expected to live well over a year: separation surgery with " +
            "stabilisation, then SBRT 24 Gy in 2 fractions for durable local control.",
        NomsConcordance = NomsConcordance.Concordant,
        PatientPreferences = "Mrs. Keller wants to stay mobile and prefers one operation; she agrees to surgery followed by SBRT.",
        ResponsibleClinicianId = NeurosurgeonId,
        FollowUpDate = new DateOnly(2027, 1, 12),
    };

    static DecisionView DecisionViewExample => new()
    {
        Id = DecisionId, CaseId = CaseId, MeetingId = MeetingId, MeetingTitle = MeetingTitle, MeetingStartsAt = MeetingStartsAt,
        MeetingChairId = ChairId, AgendaItemId = AgendaItemId, Number = 1, Status = DecisionStatus.Signed, Content = Decision,
        ResponsibleClinicianName = NeurosurgeonName,
        NomsSuggestion = AssessmentReads.Json(DecisionJson.Serialize(CaseNoms)),
        Positions =
        [
            new PositionView(NeurosurgeonId, NeurosurgeonName, Discipline.Neurosurgery, PositionKind.Agree, null,
                new DateTimeOffset(2026, 12, 8, 15, 25, 0, TimeSpan.Zero), false),
            new PositionView(RadiationOncologistId, RadiationOncologistName, Discipline.RadiationOncology, PositionKind.Agree, null,
                new DateTimeOffset(2026, 12, 8, 15, 26, 0, TimeSpan.Zero), false),
            new PositionView(MedicalOncologistId, MedicalOncologistName, Discipline.MedicalOncology, PositionKind.Disagree,
                "I would give SBRT alone first: Bilsky 1b and a radiosensitive tumour; surgery only if pain persists.",
                new DateTimeOffset(2026, 12, 8, 15, 28, 0, TimeSpan.Zero), false),
        ],
        HasDissent = true,
        ContentHash = ContentHash,
        Signature = new SignatureView(ChairId, ChairName, DecisionSignedAt, BoardDecision.ChairMeaning, SignedHash, true),
        FollowUp =
        [
            new StepFollowUpView(1, SeparationSurgery, null, []),
            new StepFollowUpView(2, Sbrt, null, []),
            new StepFollowUpView(3, SystemicTherapy, null, []),
        ],
        FollowUpOverdue = false,
        CreatedAt = DecisionDraftedAt, CreatedByName = ChairName, UpdatedAt = DecisionSignedAt, Version = 71004,
    };

    static FollowUpRow OverdueFollowUp => new(DecisionId, CaseId, PatientName, Mrn, 1, DecisionOutcome.TreatmentRecommendation,
        new DateOnly(2027, 1, 12), true, 3, NeurosurgeonId, NeurosurgeonName, 1, 3);

    static void DecisionExamples()
    {
        var body = new DecisionsEndpoints.ContentBody(Decision);
        Request("RecordDecision", body, new RecordDecision.Command { MeetingId = MeetingId, ItemId = AgendaItemId, Content = Decision });
        Request("ReviseDecision", body, new ReviseDecision.Command
        {
            DecisionId = DecisionId, Content = Decision, ExpectedVersion = (VersionMatch)71004u,
        });
        var position = new DecisionsEndpoints.PositionBody(PositionKind.Disagree,
            "I would give SBRT alone first: Bilsky 1b and a radiosensitive tumour; surgery only if pain persists.");
        Request("RecordPosition", position, new RecordPosition.Command { DecisionId = DecisionId, Kind = position.Kind, Text = position.Text });
        var sign = new DecisionsEndpoints.SignBody("Chair-Signs-Spine-Board-2026");
        Request("SignDecision", sign, new SignDecision.Command
        {
            DecisionId = DecisionId, Password = sign.Password!, ExpectedVersion = (VersionMatch)71004u,
        });
        Request("RecordEmergencyPlan", body, new RecordEmergencyPlan.Command { CaseId = CaseId, Content = Decision });
        var emergencySignature = new DecisionsEndpoints.EmergencySignatureBody(Discipline.Neurosurgery, "Neurosurgeon-Signs-At-Night-2026");
        Request("SignEmergencyPlan", emergencySignature, new SignEmergencyPlan.Command
        {
            DecisionId = DecisionId, Discipline = emergencySignature.Discipline, Password = emergencySignature.Password!,
        });
        var amended = Decision with
        {
            Plan = [SeparationSurgery, Sbrt with { DoseGy = 27m, Fractions = 3 }, SystemicTherapy],
        };
        var amend = new DecisionsEndpoints.AmendBody(
            "After fixation the radiation oncologist prefers 27 Gy in 3 fractions for cord tolerance.", amended);
        Request("AmendDecision", amend, new AmendDecision.Command { DecisionId = DecisionId, Reason = amend.Reason!, Content = amended });
        var followUp = new DecisionsEndpoints.FollowUpBody(1, FollowUpStatus.Implemented, null, null,
            "Separation surgery and T9–T11 fixation as planned; uneventful recovery, walking on day 2.", new DateOnly(2026, 12, 14));
        Request("RecordFollowUp", followUp, new RecordFollowUp.Command
        {
            DecisionId = DecisionId, StepNumber = followUp.StepNumber, Status = followUp.Status, Reason = followUp.Reason,
            ReasonText = followUp.ReasonText, Note = followUp.Note, PerformedOn = followUp.PerformedOn,
        }, FollowUpAt);
        var waiver = new DecisionsEndpoints.WaiverBody(Discipline.MedicalOncology,
            "Dr. Marti is on leave; her written opinion of 30 November is in the case record.");
        Request("WaiveAssessment", waiver, new WaiveAssessment.Command
        {
            MeetingId = MeetingId, ItemId = AgendaItemId, Discipline = waiver.Discipline, Reason = waiver.Reason!,
        });

        Response(DecisionViewExample);
        Response(new DecisionsEndpoints.WaiverCreated(new Guid("0a6e4c2b-8f3d-4b19-9c75-e1d3a8b6f240")));
        Response<IReadOnlyList<WaiverSnapshot>>(
        [
            new WaiverSnapshot(Discipline.MedicalOncology, waiver.Reason!, ChairName, new DateTimeOffset(2026, 12, 8, 15, 10, 0, TimeSpan.Zero)),
        ]);
        Response<IReadOnlyList<ListMeetingDecisions.Row>>(
        [
            new ListMeetingDecisions.Row(AgendaItemId, CaseId, DecisionId, 1, DecisionStatus.Signed, false),
        ]);
        Response<IReadOnlyList<ListResponsibleClinicians.Clinician>>(
        [
            new ListResponsibleClinicians.Clinician(MedicalOncologistId, MedicalOncologistName, Discipline.MedicalOncology),
            new ListResponsibleClinicians.Clinician(NeurosurgeonId, NeurosurgeonName, Discipline.Neurosurgery),
            new ListResponsibleClinicians.Clinician(RadiationOncologistId, RadiationOncologistName, Discipline.RadiationOncology),
        ]);
        Response<IReadOnlyList<ListCaseDecisions.Row>>(
        [
            new ListCaseDecisions.Row(DecisionId, 1, DecisionStatus.Signed, DecisionOutcome.TreatmentRecommendation, MeetingId, MeetingTitle,
                MeetingStartsAt, AgendaItemId, null, null, null, ChairName, DecisionSignedAt, true, DecisionDraftedAt, ChairName),
        ]);
        Response(new GetDecisionActions.Actions(CanRevise: false, CanTakePosition: false, CanSign: false, CanAmend: true));
        Response(new CompareDecisionVersions.Result(CaseId,
            new CompareDecisionVersions.Side(DecisionId, 1, DecisionStatus.Superseded, DecisionDraftedAt, ChairName, ChairName, DecisionSignedAt,
                null, null),
            new CompareDecisionVersions.Side(AmendmentId, 2, DecisionStatus.Signed, new DateTimeOffset(2026, 12, 10, 8, 5, 0, TimeSpan.Zero),
                ChairName, ChairName, new DateTimeOffset(2026, 12, 10, 8, 12, 0, TimeSpan.Zero), DecisionId, amend.Reason),
            [
                new LabelledChange("plan[1].doseGy", "Step 2: dose (Gy)", "24", "27"),
                new LabelledChange("plan[1].fractions", "Step 2: fractions", "2", "3"),
            ]));
        Response(new Paged<FollowUpRow>([OverdueFollowUp], 1, 25, 1));
    }
}
