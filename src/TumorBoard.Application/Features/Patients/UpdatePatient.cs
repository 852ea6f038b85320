using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Patients;

public static class UpdatePatient
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<GetPatient.Result>, IPatientFields
    {
        public Guid PatientId { get; init; }
        /// <summary>The version the edit is based on (If-Match / hidden form field).</summary>
        /// <remarks>Not part of the API body: the version comes from If-Match.</remarks>
        [System.Text.Json.Serialization.JsonIgnore] public VersionMatch? ExpectedVersion { get; init; }
        public string Mrn { get; init; } = "";
        public string FamilyName { get; init; } = "";
        public string GivenName { get; init; } = "";
        public DateOnly? DateOfBirth { get; init; }
        public Sex? Sex { get; init; }
        public PatientLanguage? Language { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock, TumorBoardDbContext db)
        {
            Include(new PatientFieldsValidator(clock));
            RuleFor(c => c.Mrn).NotAnotherPatientsMrn(db, c => c.PatientId);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetPatient.Result>
    {
        public async ValueTask<GetPatient.Result> Handle(Command command, CancellationToken ct)
        {
            var patient = await db.Patients.FindAsync([command.PatientId], ct)
                ?? throw NotFoundException.For("Patient", command.PatientId);
            if (command.ExpectedVersion is not { } expected) throw new VersionRequiredException();
            if (!expected.Matches(patient.Version)) throw new StaleVersionException("patient");

            patient.Update(command.Mrn, command.FamilyName, command.GivenName,
                command.DateOfBirth!.Value, command.Sex!.Value, command.Language ?? patient.Language, user.RequiredId, clock.UtcNow, clock.Today);
            return await db.SaveChangesThenReadAsync(() => GetPatient.LoadAsync(db, patient.Id, ct), ct);
        }
    }
}
