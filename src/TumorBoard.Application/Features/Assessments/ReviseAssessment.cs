using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>
/// Revises a submitted assessment: a new version with the full content and a reason. The discipline is the content's;
/// each is revised only by its own specialists.
/// </summary>
public static class ReviseAssessment
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : ICommand<AssessmentSaved>
    {
        public Guid CaseId { get; init; }
        /// <summary>The discipline's content record; its fields are named without a prefix ("Ecog"), as the API's body has them.</summary>
        [InlineFields]
        public AssessmentContent Content { get; init; } = null!;
        [MultiLine]
        public string Reason { get; init; } = "";
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Content).OneOfTheContentRecords();
            RuleFor(c => c.Content).ValidForItsDiscipline();
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for revising the submitted assessment.")
                .MaximumLength(Assessment.ReasonMaxLength);
        }
    }

    public sealed class Handler(AssessmentWriter writer) : ICommandHandler<Command, AssessmentSaved>
    {
        public async ValueTask<AssessmentSaved> Handle(Command command, CancellationToken ct) =>
            await writer.ReviseAsync(command.CaseId, command.Content, command.Reason, command.ExpectedVersion, ct);
    }
}
