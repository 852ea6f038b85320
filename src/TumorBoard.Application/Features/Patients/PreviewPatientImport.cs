using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Fhir.Import;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Patients;

/// <summary>
/// What importing a FHIR record would do, without doing it: the patient as it would be registered, the registered patient
/// its MRN matches (and where they differ), the case draft, and the warnings. The register page shows it before "confirm".
/// </summary>
public static class PreviewPatientImport
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Query([property: MultiLine] string Resource) : IQuery<Result>, IFhirRecord;

    public sealed record Result(ImportedPatient Patient, CaseDraft CaseDraft, MrnMatch? Existing,
        IReadOnlyList<ImportPatient.Difference> Differences, IReadOnlyList<FhirIssue> Warnings);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(FhirPatientReader reader, BoardClock clock) => Include(new FhirRecordValidator(reader, clock));
    }

    /// <summary>A preview that matches a registered patient shows that patient's record (its date of birth and sex among the
    /// differences): recorded as a read of the patient, as opening it is.</summary>
    public sealed class Handler(TumorBoardDbContext db, FhirPatientReader reader, CaseReadLog readLog) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var reading = reader.Read(query.Resource);
            var patient = reading.Patient!;
            var existing = await PatientRules.FindByMrnAsync(db, patient.Mrn, null, ct);
            IReadOnlyList<ImportPatient.Difference> differences = [];
            if (existing is not null)
            {
                differences = ImportPatient.Differences(patient, await GetPatient.LoadAsync(db, existing.Id, ct));
                await readLog.RecordPatientAsync(existing.Id, ct);
            }
            return new Result(patient, reading.Case ?? CaseDraft.None, existing,
                differences, [.. reading.Issues.Where(i => i.Severity == "warning")]);
        }
    }
}
