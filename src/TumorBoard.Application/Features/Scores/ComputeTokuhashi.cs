using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Scores;

/// <summary>Revised Tokuhashi calculator (scores.md §4): stateless, nothing is stored.</summary>
public static class ComputeTokuhashi
{
    [RequiresSignIn]
    public sealed record Query : IQuery<TokuhashiResult>
    {
        /// <summary>Preferred source of the general condition; ECOG is converted only where safe (scores.md §4 pitfalls, §6.3).</summary>
        public int? Karnofsky { get; init; }
        public int? Ecog { get; init; }
        public int? ExtraspinalBoneMetastases { get; init; }
        public int? VertebralBodyMetastases { get; init; }
        public VisceralMetastases? VisceralMetastases { get; init; }
        public TokuhashiPrimarySite? PrimarySite { get; init; }
        public FrankelGrade? Frankel { get; init; }

        public TokuhashiInput ToInput() => new()
        {
            Karnofsky = Karnofsky, Ecog = Ecog, ExtraspinalBoneMetastases = ExtraspinalBoneMetastases,
            VertebralBodyMetastases = VertebralBodyMetastases, VisceralMetastases = VisceralMetastases,
            PrimarySite = PrimarySite, Frankel = Frankel,
        };
    }

    public sealed class Validator() : ScoreInputValidator<Query>(q => Tokuhashi.Validate(q.ToInput()));

    public sealed class Handler : IQueryHandler<Query, TokuhashiResult>
    {
        public ValueTask<TokuhashiResult> Handle(Query query, CancellationToken ct) =>
            ValueTask.FromResult(Tokuhashi.Compute(query.ToInput()));
    }
}
