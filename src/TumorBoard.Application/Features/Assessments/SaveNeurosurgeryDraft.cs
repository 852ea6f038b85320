using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>Creates the Neurosurgery draft of a case, or saves a new draft version (with the expected version).</summary>
public static class SaveNeurosurgeryDraft
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : NeurosurgeryContent, ICommand<AssessmentSaved>
    {
        public Guid CaseId { get; init; }
        /// <summary>Required when a draft exists already (If-Match / hidden form field).</summary>
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => Include(new NeurosurgeryContentValidator());
    }

    public sealed class Handler(AssessmentWriter writer) : ICommandHandler<Command, AssessmentSaved>
    {
        public async ValueTask<AssessmentSaved> Handle(Command command, CancellationToken ct) =>
            await writer.SaveDraftAsync(command.CaseId, command, command.ExpectedVersion, ct);
    }
}
