using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Api;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    public static readonly Guid NeurosurgeryAssessmentId = new("d1e6a9c3-4b2f-4e70-8a5d-9c0b3f7e1a64");
    public static readonly Guid RadiationOncologyAssessmentId = new("8a3f5c7e-1d90-4b2a-b6e4-0c9d2e5f7a18");
    public static readonly Guid MedicalOncologyAssessmentId = new("4c7b2e9f-6a13-4d58-9e0a-b3f1d8c6a247");
    static readonly DateTimeOffset NeurosurgerySubmittedAt = new(2026, 11, 27, 16, 20, 0, TimeSpan.Zero);
    static readonly DateTimeOffset RadiationOncologySubmittedAt = new(2026, 11, 30, 11, 5, 0, TimeSpan.Zero);
    static readonly DateTimeOffset MedicalOncologySubmittedAt = new(2026, 11, 30, 13, 45, 0, TimeSpan.Zero);

    static AssessmentContext CaseContext => AssessmentContext.For(Details, RadiosensitivityTable.Default);

    static NeurosurgeryContent Neurosurgery => NeurosurgeryOf(new NeurosurgeryContent());

    static T NeurosurgeryOf<T>(T blank) where T : NeurosurgeryContent => (T)((NeurosurgeryContent)blank with
    {
        Lesions =
        [
            new LesionAssessment
            {
                IndexLevel = SpinalLevel.T10, Pain = PainCharacter.Mechanical, BoneLesion = SinsBoneLesion.Lytic,
                Alignment = SinsAlignment.Normal, Collapse = SinsCollapse.LessThan50Percent,
                Posterolateral = SinsPosterolateral.Unilateral, Escc = "1b", GrossInstability = false,
            },
        ],
        Frankel = FrankelGrade.E, Asia = AsiaGrade.E, Myelopathy = false, Course = NeurologicalCourse.Stable,
        FitForOpenSurgery = SurgicalFitness.Yes, Recommendation = NeurosurgeryRecommendation.SeparationSurgery,
        TargetLevels = [SpinalLevel.T9, SpinalLevel.T10, SpinalLevel.T11],
        Rationale = "SINS 9 (potentially unstable) with mechanical pain and epidural tumour abutting the cord at T10: posterior " +
            "separation surgery with percutaneous T9–T11 pedicle screw fixation, so that SBRT can reach the full dose.",
    });

    static RadiationOncologyContent RadiationOncology => RadiationOncologyOf(new RadiationOncologyContent());

    static T RadiationOncologyOf<T>(T blank) where T : RadiationOncologyContent => (T)((RadiationOncologyContent)blank with
    {
        Reirradiation = false, Recommendation = RadiationRecommendation.PostoperativeSbrt, TotalDoseGy = 24m, Fractions = 2,
        TargetLevels = [SpinalLevel.T10], Timing = RadiationTiming.AfterSurgery,
        Rationale = "Breast cancer is radiosensitive; after separation surgery a 2 mm gap to the cord allows postoperative " +
            "SBRT 24 Gy in 2 fractions to T10, 3–5 weeks after surgery once the wound has healed. T10 has not been irradiated.",
    });

    static MedicalOncologyContent MedicalOncology => MedicalOncologyOf(new MedicalOncologyContent());

    static T MedicalOncologyOf<T>(T blank) where T : MedicalOncologyContent => (T)((MedicalOncologyContent)blank with
    {
        SystemicDisease = SystemicDiseaseStatus.Stable, VisceralMetastases = VisceralMetastases.None,
        TomitaVisceral = TomitaVisceral.None, BrainMetastases = false, Ecog = 1, Karnofsky = 80, ExtraspinalBoneMetastases = 2,
        VertebralBodyMetastases = 1, TokuhashiPrimarySite = TokuhashiPrimarySite.Breast, Frankel = FrankelGrade.E,
        TomitaPrimaryGrowth = TomitaPrimaryGrowth.Slow, TomitaBoneMetastases = TomitaBoneMetastases.Multiple,
        ExpectedSurvival = ExpectedSurvival.MoreThan12Months, SystemicTherapy = SystemicTherapyPlan.Continue,
        SystemicTherapyText = "Continue letrozole; pause palbociclib from 7 days before until wound healing after surgery.",
        BoneModifyingAgent = BoneModifyingAgent.Denosumab, FitForSystemicTherapy = true,
        PatientPreferences = "Wants treatment that keeps her walking; prefers one operation to repeated procedures.",
        Rationale = "Stable oligometastatic bone disease on endocrine therapy and a CDK4/6 inhibitor, no visceral disease: " +
            "revised Tokuhashi 14, expected survival well over a year; local treatment with durable control is justified.",
    });

    /// <summary>A submitted version as the API answers it: content and computed scores as the app stores them.</summary>
    static GetAssessmentVersion.Result VersionOf(Guid assessmentId, AssessmentContent content, int number, AssessmentVersionKind kind,
        Guid authorId, string authorName, DateTimeOffset at, uint version, string? reason = null)
    {
        var computed = AssessmentJson.Serialize(content.Evaluate(CaseContext));
        return new GetAssessmentVersion.Result(assessmentId, CaseId, content.Discipline, AssessmentStatus.Submitted, number, number, number,
            kind, authorId, authorName, at, reason, AssessmentReads.Json(AssessmentJson.Serialize(content)),
            AssessmentReads.Json(computed), AssessmentReads.Warnings(computed), version);
    }

    static GetAssessmentVersion.Result NeurosurgeryVersion => VersionOf(NeurosurgeryAssessmentId, Neurosurgery, 2,
        AssessmentVersionKind.Submission, NeurosurgeonId, NeurosurgeonName, NeurosurgerySubmittedAt, 90211);

    static GetAssessmentVersion.Result RadiationOncologyVersion => VersionOf(RadiationOncologyAssessmentId, RadiationOncology, 1,
        AssessmentVersionKind.Submission, RadiationOncologistId, RadiationOncologistName, RadiationOncologySubmittedAt, 90388);

    static GetAssessmentVersion.Result MedicalOncologyVersion => VersionOf(MedicalOncologyAssessmentId, MedicalOncology, 1,
        AssessmentVersionKind.Submission, MedicalOncologistId, MedicalOncologistName, MedicalOncologySubmittedAt, 90402);

    static BoardNomsResult CaseNoms => BoardNoms.Suggest(Neurosurgery, RadiationOncology, MedicalOncology, CaseContext);

    static void AssessmentExamples()
    {
        Request("SaveNeurosurgeryDraft", Neurosurgery, new SaveAssessmentDraft.Command { CaseId = CaseId, Content = Neurosurgery });
        Request("SaveRadiationOncologyDraft", RadiationOncology,
            new SaveAssessmentDraft.Command { CaseId = CaseId, Content = RadiationOncology });
        Request("SaveMedicalOncologyDraft", MedicalOncology, new SaveAssessmentDraft.Command { CaseId = CaseId, Content = MedicalOncology });

        var neurosurgery = NeurosurgeryOf(new NeurosurgeryRevision
        {
            Reason = "Review of the CT: the collapse is under 50%, not none; SINS rises from 8 to 9.",
        });
        Request("ReviseNeurosurgery", neurosurgery, new ReviseAssessment.Command
        {
            CaseId = CaseId, Content = neurosurgery.AsContent(), Reason = neurosurgery.Reason, ExpectedVersion = (VersionMatch)90211u,
        });
        var radiation = RadiationOncologyOf(new RadiationOncologyRevision
        {
            Reason = "Cord tolerance after fixation: 27 Gy in 3 fractions instead of 24 Gy in 2.",
        }) with { TotalDoseGy = 27m, Fractions = 3 };
        Request("ReviseRadiationOncology", radiation, new ReviseAssessment.Command
        {
            CaseId = CaseId, Content = radiation.AsContent(), Reason = radiation.Reason, ExpectedVersion = (VersionMatch)90388u,
        });
        var medical = MedicalOncologyOf(new MedicalOncologyRevision
        {
            Reason = "The new bone scan shows a third extraspinal lesion (left iliac crest).",
        }) with { ExtraspinalBoneMetastases = 3 };
        Request("ReviseMedicalOncology", medical, new ReviseAssessment.Command
        {
            CaseId = CaseId, Content = medical.AsContent(), Reason = medical.Reason, ExpectedVersion = (VersionMatch)90402u,
        });

        Response(NeurosurgeryVersion);
        Response(new ListAssessments.Result(
            [Summary(NeurosurgeryVersion), Summary(RadiationOncologyVersion), Summary(MedicalOncologyVersion)],
            [], CaseNoms, RadiationSchedules.Common));

        var before = AssessmentJson.Serialize(Neurosurgery with
        {
            Lesions = [Neurosurgery.Lesions[0] with { Collapse = SinsCollapse.NoCollapseOver50PercentInvolved }],
        });
        var after = AssessmentJson.Serialize(Neurosurgery);
        Response(new GetAssessmentHistory.Result(NeurosurgeryAssessmentId, Discipline.Neurosurgery, AssessmentStatus.Submitted,
            [
                new GetAssessmentHistory.Entry(1, AssessmentVersionKind.Draft, NeurosurgeonId, NeurosurgeonName,
                    new DateTimeOffset(2026, 11, 26, 17, 2, 0, TimeSpan.Zero), null, []),
                new GetAssessmentHistory.Entry(2, AssessmentVersionKind.Submission, NeurosurgeonId, NeurosurgeonName,
                    NeurosurgerySubmittedAt, null, VersionDiff.Between(before, after)),
            ],
            new GetAssessmentHistory.Comparison(1, 2, VersionDiff.Between(before, after))));
    }

    static ListAssessments.Summary Summary(GetAssessmentVersion.Result v) =>
        new(v.AssessmentId, v.Discipline, v.Status, v.CurrentVersionNumber, v.SubmittedVersionNumber, v.AuthorName, v.CreatedAt,
            v.Content, v.Computed, v.Warnings, v.Version);
}
