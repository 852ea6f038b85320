using Mediator;
using TumorBoard.Application.Features.Scores;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Web.Pages.Scores;

public sealed class SinsModel(ISender sender) : CalculatorPage<ComputeSins.Query, SinsResult>(sender);

public sealed class EsccModel(ISender sender) : CalculatorPage<EvaluateEscc.Query, EsccResult>(sender);

public sealed class TokuhashiModel(ISender sender) : CalculatorPage<ComputeTokuhashi.Query, TokuhashiResult>(sender);

public sealed class TomitaModel(ISender sender) : CalculatorPage<ComputeTomita.Query, TomitaResult>(sender);

public sealed class NomsModel(ISender sender) : CalculatorPage<SuggestNoms.Query, NomsResult>(sender);

public sealed class PerformanceStatusModel(ISender sender)
    : CalculatorPage<ConvertPerformanceStatus.Query, ConvertPerformanceStatus.Result>(sender);
