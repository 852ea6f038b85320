using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>
/// Revises a submitted assessment: a new version with the full content and the reason for the change, by a specialist of
/// the content's discipline.
/// </summary>
public static class ReviseAssessment
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : AssessmentWrite, ICommand<AssessmentSaved>
    {
        [MultiLine]
        public string Reason { get; init; } = "";
    }

    public sealed class Validator : AssessmentWriteValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithText("GiveReasonRevisingSubmittedAssessment")
            .MaximumLength(Assessment.ReasonMaxLength);
    }

    public sealed class Handler(AssessmentWriter writer) : ICommandHandler<Command, AssessmentSaved>
    {
        public async ValueTask<AssessmentSaved> Handle(Command command, CancellationToken ct) =>
            await writer.ReviseAsync(command.CaseId, command.Content, command.Reason, command.ExpectedVersion, ct);
    }
}
