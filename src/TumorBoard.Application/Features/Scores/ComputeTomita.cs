using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Scores;

/// <summary>Tomita calculator (scores.md §5): stateless, nothing is stored.</summary>
public static class ComputeTomita
{
    [RequiresSignIn]
    public sealed record Query : IQuery<TomitaResult>
    {
        public TomitaPrimaryGrowth? PrimaryGrowth { get; init; }
        public TomitaVisceral? VisceralMetastases { get; init; }
        public TomitaBoneMetastases? BoneMetastases { get; init; }

        public TomitaInput ToInput() => new()
        {
            PrimaryGrowth = PrimaryGrowth, VisceralMetastases = VisceralMetastases, BoneMetastases = BoneMetastases,
        };
    }

    public sealed class Validator() : ScoreInputValidator<Query>(q => Tomita.Validate(q.ToInput()));

    public sealed class Handler : IQueryHandler<Query, TomitaResult>
    {
        public ValueTask<TomitaResult> Handle(Query query, CancellationToken ct) => ValueTask.FromResult(Tomita.Compute(query.ToInput()));
    }
}
