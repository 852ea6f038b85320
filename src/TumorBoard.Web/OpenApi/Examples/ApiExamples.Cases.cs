using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Patients;
using TumorBoard.Web.Api;

using TumorBoard.Domain.Mscc;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    // The one patient, case, meeting and decision of every example.
    public static readonly Guid PatientId = new("6f1c2a4e-3b8d-4c6a-9e21-5a7d0c3e9b14");
    public static readonly Guid CaseId = new("2b9e7d41-58c3-4f0a-b6d2-91e4a7c05f38");
    public static readonly Guid EarlierCaseId = new("a4d83f10-2c6e-4b95-8f17-3e0b9c62d5a1");
    public const string Mrn = "KSZ-0048213";
    public const string FamilyName = "Keller";
    public const string GivenName = "Anna";
    public const string PatientName = "Keller, Anna";
    public static readonly DateOnly DateOfBirth = new(1962, 4, 17);
    public const string ClinicalQuestion =
        "Painful T10 metastasis of ER/PR-positive breast cancer with epidural extension (Bilsky 1b), SINS 9: is separation surgery with stabilisation indicated before SBRT, or SBRT alone?";
    public static readonly DateTimeOffset CaseCreatedAt = new(2026, 11, 23, 10, 12, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset CaseUpdatedAt = new(2026, 11, 26, 15, 40, 0, TimeSpan.Zero);

    static LesionInput T10LesionInput => new()
    {
        LevelFrom = SpinalLevel.T10, LevelTo = SpinalLevel.T10, ImagingDate = new DateOnly(2026, 11, 19),
        Compartments = [Compartment.VertebralBody, Compartment.Pedicle, Compartment.Epidural],
    };

    static RadiotherapyInput PriorLumbarCourseInput => new()
    {
        LevelFrom = SpinalLevel.L2, LevelTo = SpinalLevel.L3, TotalDoseGy = 20m, Fractions = 5, EndDate = new DateOnly(2025, 3, 14),
    };

    /// <summary>The clinical fields of the case as a request carries them.</summary>
    static T CaseFieldsOf<T>(T fields) where T : CaseFields => (T)((CaseFields)fields with
    {
        Histology = PrimaryHistology.Breast,
        HistologyOtherText = null,
        DiagnosisDate = new DateOnly(2019, 6, 3),
        Lesions = [T10LesionInput],
        Pain = PainCharacter.Mechanical,
        Frankel = FrankelGrade.E,
        Asia = AsiaGrade.E,
        Myelopathy = false,
        MsccSymptoms = [.. KellerSymptoms],
        SymptomOnsetDate = new DateOnly(2026, 10, 28),
        Urgency = Urgency.Urgent,
        Ecog = 1,
        Karnofsky = 80,
        ExtraspinalBoneMetastases = 2,
        VisceralMetastases = VisceralMetastases.None,
        BrainMetastases = false,
        PriorRadiotherapy = [PriorLumbarCourseInput],
        CurrentSystemicTherapy = "Letrozole and palbociclib since 2024; denosumab every 4 weeks.",
        ClinicalQuestion = ClinicalQuestion,
        ReferringClinician = "Dr. med. Sophie Marti, medical oncology",
        PatientPreferences = "Wishes to keep walking her dog and travelling; accepts surgery if it protects her mobility.",
    });

    /// <summary>The same case as the server stores and answers it.</summary>
    static CaseDetails Details => new()
    {
        Histology = PrimaryHistology.Breast,
        DiagnosisDate = new DateOnly(2019, 6, 3),
        Lesions =
        [
            new SpinalLesion
            {
                LevelFrom = SpinalLevel.T10, LevelTo = SpinalLevel.T10, ImagingDate = new DateOnly(2026, 11, 19),
                Compartments = [Compartment.VertebralBody, Compartment.Pedicle, Compartment.Epidural],
            },
        ],
        Pain = PainCharacter.Mechanical,
        Frankel = FrankelGrade.E,
        Asia = AsiaGrade.E,
        Myelopathy = false,
        MsccSymptoms = [.. KellerSymptoms],
        SymptomOnsetDate = new DateOnly(2026, 10, 28),
        Urgency = Urgency.Urgent,
        Ecog = 1,
        Karnofsky = 80,
        ExtraspinalBoneMetastases = 2,
        VisceralMetastases = VisceralMetastases.None,
        BrainMetastases = false,
        PriorRadiotherapy =
        [
            new PriorRadiotherapy
            {
                LevelFrom = SpinalLevel.L2, LevelTo = SpinalLevel.L3, TotalDoseGy = 20m, Fractions = 5, EndDate = new DateOnly(2025, 3, 14),
            },
        ],
        CurrentSystemicTherapy = "Letrozole and palbociclib since 2024; denosumab every 4 weeks.",
        ClinicalQuestion = ClinicalQuestion,
        ReferringClinician = "Dr. med. Sophie Marti, medical oncology",
        PatientPreferences = "Wishes to keep walking her dog and travelling; accepts surgery if it protects her mobility.",
    };

    static GetCase.Result CaseDetailsExample => new()
    {
        Id = CaseId,
        Patient = new GetCase.PatientSummary(PatientId, Mrn, FamilyName, GivenName, DateOfBirth, Sex.Female),
        Status = CaseStatus.ReadyForBoard,
        Details = Details,
        MissingForBoard = [],
        CreatedAt = CaseCreatedAt,
        CreatedByName = "Lea Brunner",
        UpdatedAt = CaseUpdatedAt,
        UpdatedByName = "Lea Brunner",
        Version = 48213,
        Triage = KellerDerivation.Level,
        Clocks = KellerClockViews,
    };

    static void PatientExamples()
    {
        var register = new RegisterPatient.Command
        {
            Mrn = Mrn, FamilyName = FamilyName, GivenName = GivenName, DateOfBirth = DateOfBirth, Sex = Sex.Female, Language = PatientLanguage.de,
        };
        Request("RegisterPatient", register);
        var update = new UpdatePatient.Command
        {
            PatientId = PatientId, Mrn = Mrn, FamilyName = "Keller-Moser", GivenName = GivenName, DateOfBirth = DateOfBirth, Sex = Sex.Female, Language = PatientLanguage.de,
        };
        Request("UpdatePatient", update, update with { ExpectedVersion = (VersionMatch)7741u });
        Response(new GetPatient.Result(PatientId, Mrn, FamilyName, GivenName, DateOfBirth, Sex.Female, PatientLanguage.de, 7741,
        [
            new GetPatient.CaseSummary(CaseId, nameof(CaseStatus.ReadyForBoard), nameof(PrimaryHistology.Breast), nameof(Urgency.Urgent), CaseCreatedAt),
            new GetPatient.CaseSummary(EarlierCaseId, nameof(CaseStatus.Closed), nameof(PrimaryHistology.Breast), nameof(Urgency.Routine),
                new DateTimeOffset(2025, 2, 10, 9, 30, 0, TimeSpan.Zero)),
        ]));
        Response(new Paged<FindPatients.Row>(
            [
                new FindPatients.Row(PatientId, Mrn, FamilyName, GivenName, DateOfBirth, Sex.Female),
                new FindPatients.Row(new Guid("c3a1e9b2-7d40-4f6e-8a15-2b9d0e4c7f63"), "KSZ-0051977", "Keller", "Thomas",
                    new DateOnly(1958, 9, 2), Sex.Male),
            ], 1, 25, 2));
    }

    static void CaseExamples()
    {
        var register = CaseFieldsOf(new RegisterCase.Command()) with { PatientId = PatientId };
        Request("RegisterCase", register);
        Request("UpdateCase", new CaseBody { Details = CaseFieldsOf(new CaseFields()) with { Ecog = 2, Karnofsky = 70 } },
            new UpdateCase.Command(CaseFieldsOf(new CaseFields()) with { Ecog = 2, Karnofsky = 70 })
            {
                CaseId = CaseId, ExpectedVersion = (VersionMatch)48213u,
            });
        var withdraw = new CasesEndpoints.WithdrawBody(
            "The patient chose palliative care at home after discussing the options with her oncologist.");
        Request("WithdrawCase", withdraw, new WithdrawCase.Command
        {
            CaseId = CaseId, Reason = withdraw.Reason!, ExpectedVersion = (VersionMatch)48213u,
        });
        Response(CaseDetailsExample);
        Response(new Paged<ListCases.Row>(
            [
                new ListCases.Row(CaseId, PatientId, Mrn, PatientName, CaseStatus.ReadyForBoard, Urgency.Urgent, PrimaryHistology.Breast,
                    "T10", ClinicalQuestion, CaseCreatedAt, KellerDerivation.Level),
                new ListCases.Row(new Guid("e7b5c2d9-1f34-4a80-9c6e-0d2a8b3f4e57"), new Guid("5d2e8f1a-9c47-4b36-a0e3-7f1b6c9d2e48"),
                    "KSZ-0050311", "Huber, Martin", CaseStatus.Draft, Urgency.Routine, PrimaryHistology.Prostate, "L2-L4",
                    "Multilevel lumbar metastases of castration-resistant prostate cancer without neurological deficit: conventional radiotherapy or SBRT?",
                    new DateTimeOffset(2026, 11, 25, 14, 5, 0, TimeSpan.Zero), TriageLevel.Routine),
            ], 1, 25, 2));
    }
}
