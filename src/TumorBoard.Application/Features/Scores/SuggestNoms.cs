using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Application.Features.Scores;

/// <summary>NOMS suggestion (scores.md §3.3), advisory and stateless; the radiosensitivity table is deployment data (§3.2).</summary>
public static class SuggestNoms
{
    [RequiresSignIn]
    public sealed record Query : IQuery<NomsResult>
    {
        /// <summary>Pre-fills <see cref="Radiosensitivity"/> from the table when that is null (scores.md §3.2).</summary>
        public PrimaryHistology? Histology { get; init; }
        public Radiosensitivity? Radiosensitivity { get; init; }
        /// <summary>ESCC code "0","1a","1b","1c","2","3" (scores.md §2); optional here, reported missing when absent.</summary>
        public string? Escc { get; init; }
        public int? SinsTotal { get; init; }
        public bool? GrossInstability { get; init; }
        public bool? FitForSurgery { get; init; }
        public bool? AcuteProgressiveMyelopathy { get; init; }

        public NomsInput ToInput() => new()
        {
            Histology = Histology,
            Radiosensitivity = Radiosensitivity,
            Escc = EsccGrades.TryParse(Escc, out var grade) ? grade : null,
            SinsTotal = SinsTotal,
            GrossInstability = GrossInstability,
            FitForSurgery = FitForSurgery,
            AcuteProgressiveMyelopathy = AcuteProgressiveMyelopathy,
        };
    }

    public sealed class Validator() : ScoreInputValidator<Query>(q =>
        Noms.Validate(q.ToInput()).Concat(string.IsNullOrEmpty(q.Escc) ? [] : EvaluateEscc.Check(q.Escc, "escc")));

    public sealed class Handler(RadiosensitivityTable table) : IQueryHandler<Query, NomsResult>
    {
        public ValueTask<NomsResult> Handle(Query query, CancellationToken ct) =>
            ValueTask.FromResult(Noms.Suggest(query.ToInput(), table));
    }
}
