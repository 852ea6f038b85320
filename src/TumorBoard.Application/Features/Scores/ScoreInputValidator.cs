using FluentValidation;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Scores;

/// <summary>
/// Wraps a domain Validate(...) so each range error becomes a FluentValidation failure whose property name is
/// the camelCase field of the API contract (e.g. "karnofsky"); the API and the page filter map it from there.
/// </summary>
public abstract class ScoreInputValidator<T> : AbstractValidator<T>
{
    protected ScoreInputValidator(Func<T, IEnumerable<ScoreInputError>> validate) =>
        RuleFor(query => query).Custom((query, context) =>
        {
            foreach (var error in validate(query))
                context.AddFailure(error.Field, error.Message);
        });
}
