using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Development;

/// <summary>Development seed: demo accounts and a dozen realistic cases. Idempotent.</summary>
public static class DemoData
{
    public const string Password = "Demo-Board-2026!";

    public sealed record Account(string Email, string Name, string[] Roles, Discipline? Discipline, string Description);

    public static readonly Account[] Accounts =
    [
        new("coordinator@demo.tumorboard", "Corinne Coordinator", [Roles.Coordinator], null, "Coordinator"),
        new("medonc@demo.tumorboard", "Dr. Maya Medonc", [Roles.Specialist], Discipline.MedicalOncology, "Specialist, medical oncology"),
        new("radonc@demo.tumorboard", "Dr. Rafael Radonc", [Roles.Specialist], Discipline.RadiationOncology, "Specialist, radiation oncology"),
        new("neurosurg@demo.tumorboard", "Dr. Nora Neurosurg", [Roles.Specialist], Discipline.Neurosurgery, "Specialist, neurosurgery"),
        new("clinician@demo.tumorboard", "Dr. Claude Clinician", [Roles.Clinician], null, "Clinician (reads)"),
        new("admin@demo.tumorboard", "Ada Administrator", [Roles.Administrator], null, "Administrator (accounts)"),
    ];

    public static async Task SeedAsync(IServiceProvider services, bool withCases = true)
    {
        var roles = services.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));

        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var a in Accounts)
        {
            if (await users.FindByEmailAsync(a.Email) is not null) continue;
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = a.Email, Email = a.Email, EmailConfirmed = true,
                DisplayName = a.Name, Discipline = a.Discipline, CreatedAt = DateTimeOffset.UtcNow,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRolesAsync(user, a.Roles));
        }

        if (!withCases) return;
        var db = services.GetRequiredService<TumorBoardDbContext>();
        await SeedCasesAsync(db, users);
        await DemoBoard.SeedAsync(db, services.GetRequiredService<Domain.Scores.RadiosensitivityTable>());
    }

    static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }

    static async Task SeedCasesAsync(TumorBoardDbContext db, UserManager<AppUser> users)
    {
        if (await db.Patients.AnyAsync()) return;
        var coordinator = (await users.FindByEmailAsync(Accounts[0].Email))!.Id;
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        foreach (var (i, s) in Samples.Index())
        {
            var patient = Patient.Register($"DEMO-{1001 + i}", s.Family, s.Given, today.AddYears(-s.Age).AddDays(-37 * i), s.Sex,
                coordinator, now.AddDays(-30 + i), today);
            db.Patients.Add(patient);
            var details = new CaseDetails
            {
                Histology = s.Histology, HistologyOtherText = s.Histology == PrimaryHistology.Other ? "Adenoid cystic carcinoma" : null,
                DiagnosisDate = today.AddMonths(-s.MonthsSinceDiagnosis),
                Lesions = [new SpinalLesion { LevelFrom = s.From, LevelTo = s.To, Compartments = s.Compartments, ImagingDate = today.AddDays(-3 - i) }],
                Pain = s.Pain, Frankel = s.Frankel, Myelopathy = s.Frankel < FrankelGrade.E,
                SymptomOnsetDate = today.AddDays(-14 - i), Urgency = s.Urgent ? Urgency.Urgent : Urgency.Routine,
                Ecog = s.Ecog, Karnofsky = s.Karnofsky, ExtraspinalBoneMetastases = s.BoneMets,
                VisceralMetastases = s.Visceral, BrainMetastases = false,
                PriorRadiotherapy = s.PriorRt ? [new PriorRadiotherapy { LevelFrom = s.From, LevelTo = s.To, TotalDoseGy = 20, Fractions = 5, EndDate = today.AddMonths(-8) }] : [],
                CurrentSystemicTherapy = s.Systemic,
                ClinicalQuestion = s.Question, ReferringClinician = "Dr. Petra Referrer, oncology outpatient clinic",
            };
            var c = TumorBoardCase.Register(patient.Id, details, coordinator, now.AddDays(-20 + i));
            if (s.Status is CaseStatus.ReadyForBoard or CaseStatus.Withdrawn) { if (c.MissingForBoard().Count == 0) c.MarkReady(coordinator, now); }
            if (s.Status == CaseStatus.Withdrawn) c.Withdraw("Patient chose treatment at another centre.", coordinator, now);
            db.Cases.Add(c);
        }
        await db.SaveChangesAsync();
    }

    sealed record Sample(string Family, string Given, int Age, Sex Sex, PrimaryHistology Histology, int MonthsSinceDiagnosis,
        SpinalLevel From, SpinalLevel To, Compartment[] Compartments, PainCharacter Pain, FrankelGrade Frankel, bool Urgent,
        int? Ecog, int? Karnofsky, int BoneMets, VisceralMetastases Visceral, bool PriorRt, string? Systemic, string Question,
        CaseStatus Status);

    static readonly Compartment[] BodyOnly = [Compartment.VertebralBody];
    static readonly Compartment[] BodyPedicle = [Compartment.VertebralBody, Compartment.Pedicle];
    static readonly Compartment[] WithEpidural = [Compartment.VertebralBody, Compartment.Pedicle, Compartment.Epidural];

    static readonly Sample[] Samples =
    [
        new("Keller", "Anna", 64, Sex.Female, PrimaryHistology.Breast, 48, SpinalLevel.T11, SpinalLevel.T11, WithEpidural, PainCharacter.Mechanical, FrankelGrade.D, true, 1, 70, 3, VisceralMetastases.None, false, "Letrozole + palbociclib", "Suspected cord compression at T11 with new leg weakness: decompression and stabilisation, or radiotherapy alone?", CaseStatus.ReadyForBoard),
        new("Meier", "Thomas", 71, Sex.Male, PrimaryHistology.Prostate, 60, SpinalLevel.L2, SpinalLevel.L3, BodyOnly, PainCharacter.Occasional, FrankelGrade.E, false, 1, 80, 8, VisceralMetastases.None, false, "Enzalutamide", "Painful blastic L2-L3 lesions: conventional radiotherapy dose?", CaseStatus.ReadyForBoard),
        new("Rossi", "Giulia", 58, Sex.Female, PrimaryHistology.RenalCell, 18, SpinalLevel.T6, SpinalLevel.T6, WithEpidural, PainCharacter.Mechanical, FrankelGrade.E, false, 1, 80, 1, VisceralMetastases.Removable, false, "Pembrolizumab + axitinib", "Solitary T6 metastasis with ESCC 2: separation surgery followed by SBRT?", CaseStatus.ReadyForBoard),
        new("Baumann", "Peter", 67, Sex.Male, PrimaryHistology.LungNsclc, 4, SpinalLevel.C7, SpinalLevel.T1, BodyPedicle, PainCharacter.Mechanical, FrankelGrade.E, true, 2, 60, 5, VisceralMetastases.Unremovable, false, "Osimertinib", "Lytic C7-T1 lesion with mechanical pain: stabilisation needed?", CaseStatus.Draft),
        new("Schmid", "Laura", 49, Sex.Female, PrimaryHistology.Melanoma, 10, SpinalLevel.L4, SpinalLevel.L4, BodyPedicle, PainCharacter.Occasional, FrankelGrade.E, false, 0, 90, 2, VisceralMetastases.Removable, false, "Nivolumab", "L4 melanoma metastasis: SBRT 24 Gy in 2 fractions?", CaseStatus.ReadyForBoard),
        new("Huber", "Markus", 75, Sex.Male, PrimaryHistology.MultipleMyeloma, 30, SpinalLevel.T8, SpinalLevel.T10, BodyOnly, PainCharacter.Mechanical, FrankelGrade.E, false, 2, 60, 12, VisceralMetastases.None, true, "Daratumumab-based", "Progressive collapse T8-T10 after radiotherapy: cement augmentation?", CaseStatus.Draft),
        new("Weber", "Sofia", 62, Sex.Female, PrimaryHistology.Thyroid, 72, SpinalLevel.S1, SpinalLevel.S2, BodyOnly, PainCharacter.None, FrankelGrade.E, false, 0, 90, 1, VisceralMetastases.None, false, null, "Oligometastatic follicular thyroid cancer at S1-S2: en bloc resection or SBRT?", CaseStatus.Draft),
        new("Fischer", "Jonas", 55, Sex.Male, PrimaryHistology.Colorectal, 26, SpinalLevel.T12, SpinalLevel.L1, WithEpidural, PainCharacter.Mechanical, FrankelGrade.C, true, 3, 40, 4, VisceralMetastases.Unremovable, false, "FOLFIRI + bevacizumab", "Acute paraparesis from T12-L1 compression in a frail patient: what is achievable?", CaseStatus.ReadyForBoard),
        new("Brunner", "Elena", 46, Sex.Female, PrimaryHistology.Other, 9, SpinalLevel.C4, SpinalLevel.C4, BodyPedicle, PainCharacter.Occasional, FrankelGrade.E, false, 1, 80, 0, VisceralMetastases.None, false, null, "Rare histology at C4: biopsy confirmation before treatment?", CaseStatus.Withdrawn),
        new("Gerber", "Lukas", 69, Sex.Male, PrimaryHistology.Hepatocellular, 14, SpinalLevel.T4, SpinalLevel.T4, WithEpidural, PainCharacter.Mechanical, FrankelGrade.E, false, 1, 70, 2, VisceralMetastases.Removable, false, "Atezolizumab + bevacizumab", "Radioresistant HCC metastasis at T4 with epidural extension: surgery first?", CaseStatus.ReadyForBoard),
        new("Steiner", "Marta", 80, Sex.Female, PrimaryHistology.Lymphoma, 2, SpinalLevel.L5, SpinalLevel.S1, BodyOnly, PainCharacter.Occasional, FrankelGrade.E, false, 2, 60, 3, VisceralMetastases.None, false, "R-CHOP", "Lymphoma at L5-S1: is local radiotherapy needed alongside chemotherapy?", CaseStatus.Draft),
        new("Frei", "Daniel", 59, Sex.Male, PrimaryHistology.UnknownPrimary, 1, SpinalLevel.T2, SpinalLevel.T3, WithEpidural, PainCharacter.Mechanical, FrankelGrade.D, true, 2, 60, 6, VisceralMetastases.Unremovable, false, null, "Carcinoma of unknown primary with T2-T3 compression: biopsy and decompression?", CaseStatus.ReadyForBoard),
    ];
}
