using System.Text.Json.Serialization;
using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Scores;

/// <summary>ECOG ↔ Karnofsky conversion (scores.md §6.3): KPS → ECOG is one grade, ECOG → KPS is a range, never a value.</summary>
public static class ConvertPerformanceStatus
{
    [RequiresSignIn]
    public sealed record Query : IQuery<Result>
    {
        public int? Karnofsky { get; init; }
        public int? Ecog { get; init; }
    }

    /// <summary>Either { ecog } (from a Karnofsky value) or { karnofskyMin, karnofskyMax } (from an ECOG grade).</summary>
    public sealed record Result(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Ecog,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? KarnofskyMin,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? KarnofskyMax);

    public sealed class Validator() : ScoreInputValidator<Query>(Check);

    static IEnumerable<ScoreInputError> Check(Query q)
    {
        if ((q.Karnofsky is null) == (q.Ecog is null))
        {
            var message = q.Karnofsky is null ? "Give either a Karnofsky value or an ECOG grade." : "Give a Karnofsky value or an ECOG grade, not both.";
            return [new("karnofsky", message), new("ecog", message)];
        }
        return PerformanceStatus.Validate(q.Karnofsky, q.Ecog);   // KPS 0-100 by 10, ECOG 0-5 (scores.md §6.1-6.2)
    }

    public sealed class Handler : IQueryHandler<Query, Result>
    {
        public ValueTask<Result> Handle(Query query, CancellationToken ct)
        {
            if (query.Karnofsky is { } kps) return ValueTask.FromResult(new Result(PerformanceStatus.KarnofskyToEcog(kps), null, null));
            var range = PerformanceStatus.EcogToKarnofsky(query.Ecog!.Value);
            return ValueTask.FromResult(new Result(null, range.KarnofskyMin, range.KarnofskyMax));
        }
    }
}
