using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Patients;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Cases;

/// <summary>Valid commands to start from; tests change what they are about.</summary>
public static class TestData
{
    static int next;

    public static RegisterPatient.Command Patient(string? mrn = null) => new()
    {
        // MRNs are stored in canonical upper case (Mrn.Normalize): generate them so, and stored equals sent.
        Mrn = mrn ?? $"T-{Interlocked.Increment(ref next):D5}-{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}",
        FamilyName = "Muster", GivenName = "Erika", DateOfBirth = new DateOnly(1961, 4, 12), Sex = Sex.Female,
    };

    /// <summary>A case with the complete minimum dataset.</summary>
    public static RegisterCase.Command Case(Guid patientId) => new()
    {
        PatientId = patientId,
        Histology = PrimaryHistology.Breast,
        DiagnosisDate = new DateOnly(2023, 2, 1),
        Lesions = [new LesionInput { LevelFrom = SpinalLevel.T11, LevelTo = SpinalLevel.T12,
            Compartments = [Compartment.VertebralBody, Compartment.Epidural], ImagingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)) }],
        Pain = PainCharacter.Mechanical, Frankel = FrankelGrade.D, Myelopathy = true, Urgency = Urgency.Urgent,
        Ecog = 1, Karnofsky = 70, ExtraspinalBoneMetastases = 2, VisceralMetastases = VisceralMetastases.None,
        BrainMetastases = false, ClinicalQuestion = "Decompression and stabilisation, or radiotherapy alone?",
        ReferringClinician = "Dr. Referrer",
    };

    public static async Task<(Guid PatientId, Guid CaseId)> RegisterCaseAsync(AppFixture app, Func<RegisterCase.Command, RegisterCase.Command>? change = null)
    {
        var patientId = (await app.Send(AppFixture.Coordinator, Patient())).Id;
        var command = Case(patientId);
        var caseId = (await app.Send(AppFixture.Coordinator, change is null ? command : change(command))).Id;
        return (patientId, caseId);
    }

    /// <summary>Walks a stored case through the domain's own transitions to <paramref name="status"/> (no use case exists yet).</summary>
    public static Task MoveToAsync(AppFixture app, Guid caseId, CaseStatus status) => app.QueryDbAsync(async db =>
    {
        var c = await db.Cases.FindAsync(caseId) ?? throw new InvalidOperationException($"No case {caseId}.");
        var actor = await app.UserIdAsync(AppFixture.Coordinator);
        var now = DateTimeOffset.UtcNow;
        while (c.Status != status)
        {
            switch (c.Status)
            {
                case CaseStatus.Draft or CaseStatus.ReadyForBoard or CaseStatus.Scheduled or CaseStatus.Discussed
                    when status == CaseStatus.Withdrawn: c.Withdraw("Test withdrawal", actor, now); break;
                case CaseStatus.Draft: c.MarkReady(actor, now); break;
                case CaseStatus.ReadyForBoard: c.Schedule(actor, now); break;
                case CaseStatus.Scheduled when status == CaseStatus.Discussed: c.MarkDiscussed(actor, now); break;
                case CaseStatus.Scheduled or CaseStatus.Discussed: c.MarkDecided(actor, now); break;
                case CaseStatus.Decided: c.Close(actor, now); break;
                default: throw new InvalidOperationException($"Cannot move a {c.Status} case to {status}.");
            }
        }
        await db.SaveChangesAsync();
        return c.Status;
    });
}
