using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Fhir.Import;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Patients;

/// <summary>
/// Registers a patient from the hospital's FHIR R4 record (issue #13 part 3), or finds the registered patient with the
/// same MRN once normalised: then nothing is written and the answer lists where the record and our patient differ.
/// Either way the answer carries the case draft the record's Condition suggests.
/// </summary>
public static class ImportPatient
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<Result>, IFhirRecord
    {
        /// <summary>The FHIR JSON as received (a Patient, or a Bundle with one Patient and at most one Condition).</summary>
        [MultiLine] public string Resource { get; init; } = "";
    }

    /// <summary>A field where the hospital's record says something else than the registered patient.</summary>
    public sealed record Difference(string Field, string InRecord, string Registered);

    public sealed record Result(bool Created, GetPatient.Result Patient, CaseDraft CaseDraft, IReadOnlyList<Difference> Differences);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(FhirPatientReader reader, BoardClock clock) => Include(new FhirRecordValidator(reader, clock));
    }

    /// <summary>An MRN already registered answers that patient's record: recorded as a read of the patient (as opening it
    /// is), the only row written then.</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, FhirPatientReader reader, CaseReadLog readLog)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            var reading = reader.Read(command.Resource);
            var imported = reading.Patient!;
            var draft = reading.Case ?? CaseDraft.None;
            if (await ExistingAsync(imported, draft, ct) is { } existing) return existing;

            var patient = Patient.Register(imported.Mrn, imported.FamilyName, imported.GivenName, imported.DateOfBirth, imported.Sex,
                user.RequiredId, clock.UtcNow, clock.Today);
            db.Patients.Add(patient);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            // Two imports of the same record at the same moment: the unique index lets one in; the other answers with it.
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_patients_mrn" })
            {
                db.ChangeTracker.Clear();
                return await ExistingAsync(imported, draft, ct) ?? throw new InvalidOperationException("The racing patient was not found.", e);
            }
            return new Result(true, GetPatient.From(patient, []), draft, []);
        }

        async Task<Result?> ExistingAsync(ImportedPatient imported, CaseDraft draft, CancellationToken ct)
        {
            var mrn = Mrn.Normalize(imported.Mrn);
            var id = await db.Patients.AsNoTracking().Where(p => p.Mrn == mrn).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (id is null) return null;
            var patient = await GetPatient.LoadAsync(db, id.Value, ct);
            await readLog.RecordPatientAsync(patient.Id, ct);
            return new Result(false, patient, draft, Differences(imported, patient));
        }
    }

    /// <summary>Where the record and the registered patient differ (names compared without regard to case or outer spaces).</summary>
    public static IReadOnlyList<Difference> Differences(ImportedPatient record, GetPatient.Result registered)
    {
        List<Difference> differences = [];
        if (!SameName(record.FamilyName, registered.FamilyName)) differences.Add(new("familyName", record.FamilyName, registered.FamilyName));
        if (!SameName(record.GivenName, registered.GivenName)) differences.Add(new("givenName", record.GivenName, registered.GivenName));
        if (record.DateOfBirth != registered.DateOfBirth)
            differences.Add(new("dateOfBirth", record.DateOfBirth.ToString("yyyy-MM-dd"), registered.DateOfBirth.ToString("yyyy-MM-dd")));
        if (record.Sex != registered.Sex) differences.Add(new("sex", record.Sex.ToString(), registered.Sex.ToString()));
        return differences;
    }

    static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
