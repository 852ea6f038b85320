using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Decisions;

/// <summary>
/// Whether a treatment decision must say how it stands to the NOMS suggestion (issue #17, found on the walk of the emergency
/// plan's page, which read "Concordant with the NOMS suggestion" beside an incomplete suggestion): only when the suggestion
/// it is saved with is complete. While submitted assessments or score inputs are missing (most emergency plans, a waived
/// discipline) there is no whole suggestion to compare with, so the field may stay empty and the record reads "not
/// assessable"; a board that still wants to say it may. Checked by each command's validator with the other fields, so
/// that one submit reports every error (issue #17 item 4), not by the handler after them.
/// </summary>
public static class NomsConcordanceRule
{
    /// <summary>Adds the rule to a command's validator; <paramref name="caseOf"/> names the case the decision is about.</summary>
    public static void Add<T>(AbstractValidator<T> validator, Func<T, DecisionContent?> content,
        Func<T, TumorBoardDbContext, IQueryable<Guid>> caseOf, TumorBoardDbContext db, RadiosensitivityTable table) =>
        validator.RuleFor(c => content(c) == null ? null : content(c)!.NomsConcordance)
            .NotNull().WithText("SayWhetherDecisionConcordantWithNOMS")
            .OverridePropertyName("Content.NomsConcordance")
            .WhenAsync((c, ct) => RequiredAsync(db, table, content(c), caseOf(c, db), ct));

    /// <summary>True when the content is a treatment without a concordance and the case's NOMS suggestion is complete.</summary>
    static async Task<bool> RequiredAsync(TumorBoardDbContext db, RadiosensitivityTable table, DecisionContent? content,
        IQueryable<Guid> caseOf, CancellationToken ct)
    {
        if (content is null || !content.Rules.IsTreatment || content.NomsConcordance is not null) return false;
        var ids = await caseOf.Take(1).ToListAsync(ct);
        // No such case, item or decision: the handler answers 404.
        if (ids.Count == 0 || await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == ids[0], ct) is not { } tumorCase)
            return false;
        var noms = AssessmentReads.BoardNoms(await AssessmentReads.ForCaseAsync(db, tumorCase.Id, ct), AssessmentContext.For(tumorCase, table));
        return noms.Suggestion.Complete;
    }
}
