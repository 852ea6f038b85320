using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>Submits the current draft as it stands (it must be complete): Draft -> Submitted.</summary>
public static class SubmitAssessment
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command(Guid CaseId, Discipline Discipline) : ICommand<AssessmentSaved>
    {
        /// <summary>Optional: when given, the draft must still be this version.</summary>
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Discipline).Must(d => AssessmentJson.Disciplines.Contains(d))
            .WithText("OnlyNeurosurgeryRadiationOncologyMedicalOncology");
    }

    public sealed class Handler(AssessmentWriter writer) : ICommandHandler<Command, AssessmentSaved>
    {
        public async ValueTask<AssessmentSaved> Handle(Command command, CancellationToken ct) =>
            await writer.SubmitAsync(command.CaseId, command.Discipline, command.ExpectedVersion, ct);
    }
}
