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
    public sealed record Command : ICommand<uint>, IPatientFields
    {
        public Guid PatientId { get; init; }
        /// <summary>The version the edit is based on (If-Match / hidden form field).</summary>
        public uint? ExpectedVersion { get; init; }
        public string Mrn { get; init; } = "";
        public string FamilyName { get; init; } = "";
        public string GivenName { get; init; } = "";
        public DateOnly? DateOfBirth { get; init; }
        public Sex? Sex { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock, TumorBoardDbContext db)
        {
            Include(new PatientFieldsValidator(clock));
            RuleFor(c => c.Mrn).NotAnotherPatientsMrn(db, c => c.PatientId);
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, uint>
    {
        public async ValueTask<uint> Handle(Command command, CancellationToken ct)
        {
            var patient = await db.Patients.FindAsync([command.PatientId], ct)
                ?? throw NotFoundException.For("Patient", command.PatientId);
            if (command.ExpectedVersion is not { } expected) throw new VersionRequiredException();
            if (patient.Version != expected) throw new StaleVersionException("patient");
            db.Entry(patient).Property(p => p.Version).OriginalValue = expected;

            patient.Update(command.Mrn, command.FamilyName, command.GivenName,
                command.DateOfBirth!.Value, command.Sex!.Value, user.RequiredId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return patient.Version;
        }
    }
}
