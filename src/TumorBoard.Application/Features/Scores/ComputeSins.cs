using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Scores;

/// <summary>SINS calculator (scores.md §1): stateless, nothing is stored.</summary>
public static class ComputeSins
{
    [RequiresSignIn]
    public sealed record Query : IQuery<SinsResult>
    {
        public SpinalLevel? Level { get; init; }
        /// <summary>Overrides the level mapping; required for Coccyx (scores.md §1.4).</summary>
        public SinsLocation? Location { get; init; }
        public PainCharacter? Pain { get; init; }
        public SinsBoneLesion? BoneLesion { get; init; }
        public SinsAlignment? Alignment { get; init; }
        public SinsCollapse? Collapse { get; init; }
        public SinsPosterolateral? Posterolateral { get; init; }

        public SinsInput ToInput() => new()
        {
            Level = Level, Location = Location, Pain = Pain, BoneLesion = BoneLesion,
            Alignment = Alignment, Collapse = Collapse, Posterolateral = Posterolateral,
        };
    }

    public sealed class Validator() : ScoreInputValidator<Query>(q => Sins.Validate(q.ToInput()));

    public sealed class Handler : IQueryHandler<Query, SinsResult>
    {
        public ValueTask<SinsResult> Handle(Query query, CancellationToken ct) => ValueTask.FromResult(Sins.Compute(query.ToInput()));
    }
}
