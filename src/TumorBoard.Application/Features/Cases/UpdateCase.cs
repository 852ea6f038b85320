using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Cases;

public static class UpdateCase
{
    [RequiresRole(Roles.Coordinator)]
    public sealed record Command : CaseFields, ICommand<GetCase.Result>
    {
        public Command() { }

        /// <summary>The edit of a case with these fields (the API takes them nested, as GET answers, or flat).</summary>
        public Command(CaseFields fields) : base(fields) { }

        public Guid CaseId { get; init; }
        /// <summary>The version the edit is based on (If-Match / hidden form field).</summary>
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(BoardClock clock) => Include(new CaseFieldsValidator(clock));
    }

    /// <summary>The rule that needs the patient's date of birth (<see cref="CaseDatesAfterBirth"/>); runs with the one above.</summary>
    public sealed class DatesAfterBirthValidator : AbstractValidator<Command>
    {
        public DatesAfterBirthValidator(TumorBoardDbContext db) =>
            RuleFor(c => c).CustomAsync((c, context, ct) =>
                CaseDatesAfterBirth.CheckAsync(c, context, t => CaseDatesAfterBirth.OfCaseAsync(c.CaseId, db, t), ct));
    }

    public sealed class Handler(TumorBoardDbContext db, ICurrentUser user, BoardClock clock) : ICommandHandler<Command, GetCase.Result>
    {
        public async ValueTask<GetCase.Result> Handle(Command command, CancellationToken ct)
        {
            var tumorCase = await db.Cases.FindAsync([command.CaseId], ct) ?? throw NotFoundException.For("Case", command.CaseId);
            if (command.ExpectedVersion is not { } expected) throw new VersionRequiredException();
            if (!expected.Matches(tumorCase.Version)) throw new StaleVersionException("case");

            tumorCase.Update(command.ToDetails(), user.RequiredId, clock.UtcNow);
            return await db.SaveChangesThenReadAsync(() => GetCase.LoadAsync(db, tumorCase.Id, ct), ct);
        }
    }
}
