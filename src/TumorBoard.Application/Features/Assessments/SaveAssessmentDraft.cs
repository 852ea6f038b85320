using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>
/// Creates a discipline's draft of a case, or saves a new draft version (the expected version then required): the
/// neurosurgery, radiation oncology or medical oncology content, each written only by its own specialists.
/// </summary>
public static class SaveAssessmentDraft
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : AssessmentWrite, ICommand<AssessmentSaved>;

    public sealed class Validator : AssessmentWriteValidator<Command>;

    public sealed class Handler(AssessmentWriter writer) : ICommandHandler<Command, AssessmentSaved>
    {
        public async ValueTask<AssessmentSaved> Handle(Command command, CancellationToken ct) =>
            await writer.SaveDraftAsync(command.CaseId, command.Content, command.ExpectedVersion, ct);
    }
}
