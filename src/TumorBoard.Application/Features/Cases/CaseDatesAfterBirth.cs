using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Persistence;

namespace TumorBoard.Application.Features.Cases;

/// <summary>
/// No date of a case lies before the patient's date of birth: the diagnosis, the symptom onset, each lesion's imaging and
/// each prior course's end (issue #17: imaging before birth was accepted). The date of birth is read once, and only when
/// the case names a date at all; each failure names its field (DiagnosisDate, Lesions[0].ImagingDate, …).
/// </summary>
public static class CaseDatesAfterBirth
{
    /// <summary>Adds a failure per date before the date of birth <paramref name="birth"/> reads (null: no such patient; nothing to check).</summary>
    public static async Task CheckAsync<T>(CaseFields c, ValidationContext<T> context, Func<CancellationToken, Task<DateOnly?>> birth,
        CancellationToken ct)
    {
        if (!Dates(c).Any()) return;
        if (await birth(ct) is not { } born) return;
        foreach (var (field, what, day) in Dates(c))
            if (day < born && day >= ClinicalDates.Earliest)   // before 1900 is already refused with the range
                context.AddFailure(new ValidationFailure(field,
                    ValidationTexts.Format("Case_DateBeforeBirth", ValidationTexts.Subject(what), ClinicalDates.Show(born)), day));
    }

    public static Task<DateOnly?> OfPatientAsync(Guid patientId, TumorBoardDbContext db, CancellationToken ct) =>
        db.Patients.AsNoTracking().Where(p => p.Id == patientId).Select(p => (DateOnly?)p.DateOfBirth).FirstOrDefaultAsync(ct);

    public static Task<DateOnly?> OfCaseAsync(Guid caseId, TumorBoardDbContext db, CancellationToken ct) =>
        (from c in db.Cases.AsNoTracking() join p in db.Patients on c.PatientId equals p.Id
         where c.Id == caseId select (DateOnly?)p.DateOfBirth).FirstOrDefaultAsync(ct);

    static IEnumerable<(string Field, string What, DateOnly Day)> Dates(CaseFields c)
    {
        if (c.DiagnosisDate is { } diagnosis) yield return (nameof(c.DiagnosisDate), "Subject_DiagnosisDate", diagnosis);
        if (c.SymptomOnsetDate is { } onset) yield return (nameof(c.SymptomOnsetDate), "Subject_SymptomOnset", onset);
        for (var i = 0; i < c.Lesions.Count; i++)
            if (c.Lesions[i].ImagingDate is { } imaged) yield return ($"{nameof(c.Lesions)}[{i}].{nameof(LesionInput.ImagingDate)}", "Subject_ImagingDate", imaged);
        for (var i = 0; i < c.PriorRadiotherapy.Count; i++)
            if (c.PriorRadiotherapy[i].EndDate is { } ended)
                yield return ($"{nameof(c.PriorRadiotherapy)}[{i}].{nameof(RadiotherapyInput.EndDate)}", "Subject_CourseEndDate", ended);
    }
}
