using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.Domain.Common;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>Revises the submitted Neurosurgery assessment: a new version with the full content and a reason.</summary>
public static class ReviseNeurosurgery
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : NeurosurgeryContent, ICommand<AssessmentSaved>
    {
        public Guid CaseId { get; init; }
        [MultiLine]
        public string Reason { get; init; } = "";
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(new NeurosurgeryContentValidator());
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for revising the submitted assessment.")
                .MaximumLength(Assessment.ReasonMaxLength);
        }
    }

    public sealed class Handler(AssessmentWriter writer) : ICommandHandler<Command, AssessmentSaved>
    {
        public async ValueTask<AssessmentSaved> Handle(Command command, CancellationToken ct) =>
            await writer.ReviseAsync(command.CaseId, command, command.Reason, command.ExpectedVersion, ct);
    }
}
