using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Application.Features.Patients;

public static class RegisterPatient
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : ICommand<GetPatient.Result>, IPatientFields
    {
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
            RuleFor(c => c.Mrn).NotAnotherPatientsMrn(db, _ => null);
        }
    }

    /// <summary>Answers with the patient as saved (a new patient has no cases), never a second read that could fail after the commit.</summary>
    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock, Microsoft.Extensions.Options.IOptions<BoardOptions> board) : ICommandHandler<Command, GetPatient.Result>
    {
        public async ValueTask<GetPatient.Result> Handle(Command command, CancellationToken ct)
        {
            var patient = Patient.Register(command.Mrn, command.FamilyName, command.GivenName,
                command.DateOfBirth!.Value, command.Sex!.Value, user.RequiredId, clock.UtcNow, clock.Today,
                command.Language ?? board.Value.PatientLetter.DefaultLanguage);
            db.Patients.Add(patient);
            await db.SaveChangesAsync(ct);   // a racing duplicate MRN hits the unique index on the canonical form -> 409
            return GetPatient.From(patient, []);
        }
    }
}
