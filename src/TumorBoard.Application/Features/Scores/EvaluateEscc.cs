using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Scores;

/// <summary>Bilsky ESCC grade evaluation (scores.md §2): stateless, nothing is stored.</summary>
public static class EvaluateEscc
{
    /// <summary>
    /// The grade travels as its code ("0","1a","1b","1c","2","3"), so that a form and JSON carry the same text
    /// and a bare "1" is a validation error on "grade" (scores.md §2), not a number silently bound to an enum.
    /// </summary>
    [RequiresSignIn]
    public sealed record Query : IQuery<EsccResult>
    {
        public string? Grade { get; init; }
    }

    public sealed class Validator() : ScoreInputValidator<Query>(q => Check(q.Grade, "grade"));

    public sealed class Handler : IQueryHandler<Query, EsccResult>
    {
        public ValueTask<EsccResult> Handle(Query query, CancellationToken ct) =>
            ValueTask.FromResult(EsccGrades.Evaluate(EsccGrades.Parse(query.Grade!)));
    }

    /// <summary>Errors for a required ESCC code (scores.md §2: "1" without a subgrade is not a grade).</summary>
    public static IEnumerable<ScoreInputError> Check(string? code, string field)
    {
        if (string.IsNullOrEmpty(code))
            yield return new(field, "Choose an ESCC grade: 0, 1a, 1b, 1c, 2 or 3.");
        else if (!EsccGrades.TryParse(code, out _))
            yield return new(field, $"'{code}' is not an ESCC grade: use 0, 1a, 1b, 1c, 2 or 3 (grade 1 needs its subgrade).");
    }
}
