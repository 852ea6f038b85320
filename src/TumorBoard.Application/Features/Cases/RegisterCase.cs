using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Cases;

public static class RegisterCase
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : CaseFields, ICommand<Guid>
    {
        public Guid PatientId { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.PatientId).NotEmpty().WithMessage("Choose the patient.");
            Include(new CaseFieldsValidator(clock));
        }
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            if (!await db.Patients.AnyAsync(p => p.Id == command.PatientId, ct))
                throw NotFoundException.For("Patient", command.PatientId);
            var tumorCase = TumorBoardCase.Register(command.PatientId, command.ToDetails(), user.RequiredId, clock.GetUtcNow());
            db.Cases.Add(tumorCase);
            await db.SaveChangesAsync(ct);
            return tumorCase.Id;
        }
    }
}
