using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Audit;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// What changed between two decision versions of the same case, field by field with human labels (<see cref="DecisionDiff"/>):
/// outcome, each plan step added, removed or changed (treatment, levels, dose, fractions, timing), intent, rationale,
/// concordance, preferences, responsible clinician, follow-up date and the amendment reason. The older version (lower
/// number) is always "before", whichever order the two are named in.
/// </summary>
public static class CompareDecisionVersions
{
    [RequiresRole(Roles.Coordinator, Roles.Specialist, Roles.Clinician)]
    public sealed record Query(Guid DecisionId, Guid OtherDecisionId) : IQuery<Result>;

    public sealed record Side(Guid Id, int Number, DecisionStatus Status, DateTimeOffset CreatedAt, string CreatedByName,
        string? SignerName, DateTimeOffset? SignedAt, Guid? AmendsId, string? AmendmentReason);

    public sealed record Result(Guid CaseId, Side Before, Side After, IReadOnlyList<LabelledChange> Changes) : ICaseReadResult
    {
        Guid ICaseReadResult.ReadCaseId => CaseId;
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(q => q.OtherDecisionId).NotEqual(q => q.DecisionId)
            .WithText("ChooseTwoDifferentDecisionVersionsCompare");
    }

    public sealed class Handler(TumorBoardDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            var found = await db.Decisions.AsNoTracking().IgnoreAutoIncludes()
                .Where(d => d.Id == query.DecisionId || d.Id == query.OtherDecisionId).ToListAsync(ct);
            var one = found.FirstOrDefault(d => d.Id == query.DecisionId) ?? throw NotFoundException.For("Decision", query.DecisionId);
            var other = found.FirstOrDefault(d => d.Id == query.OtherDecisionId) ?? throw NotFoundException.For("Decision", query.OtherDecisionId);
            if (one.CaseId != other.CaseId)
                throw new DomainConflictException(new RuleText("Decision.CompareOtherCase"));
            var (before, after) = one.Number <= other.Number ? (one, other) : (other, one);
            return new Result(one.CaseId, Describe(before), Describe(after), DecisionDiff.Between(DecisionFacts.Of(before), DecisionFacts.Of(after)));
        }

        static Side Describe(BoardDecision d) => new(d.Id, d.Number, d.Status, d.CreatedAt, d.CreatedByName, d.SignerName, d.SignedAt,
            d.AmendsId, d.AmendmentReason);
    }
}
