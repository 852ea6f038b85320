using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Features.Assessments;

/// <summary>
/// Creates a discipline's draft of a case, or saves a new draft version (with the expected version). The discipline is the
/// content's: neurosurgery, radiation oncology or medical oncology, each written only by its own specialists.
/// </summary>
public static class SaveAssessmentDraft
{
    [RequiresRole(Roles.Specialist)]
    public sealed record Command : ICommand<AssessmentSaved>
    {
        public Guid CaseId { get; init; }
        /// <summary>The discipline's content record; its fields are named without a prefix ("Ecog"), as the API's body has them.</summary>
        [InlineFields]
        public AssessmentContent Content { get; init; } = null!;
        /// <summary>Required when a draft exists already (If-Match / hidden form field).</summary>
        public VersionMatch? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Content).OneOfTheContentRecords();
            RuleFor(c => c.Content).ValidForItsDiscipline();
        }
    }

    public sealed class Handler(AssessmentWriter writer) : ICommandHandler<Command, AssessmentSaved>
    {
        public async ValueTask<AssessmentSaved> Handle(Command command, CancellationToken ct) =>
            await writer.SaveDraftAsync(command.CaseId, command.Content, command.ExpectedVersion, ct);
    }
}
