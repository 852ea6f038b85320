using TumorBoard.Application.Features.Scores;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    /// <summary>The T10 lesion's SINS components: semi-rigid level (1), mechanical pain (3), lytic (2), normal alignment (0),
    /// collapse under 50% (2), unilateral posterolateral involvement (1) = 9, potentially unstable.</summary>
    static ComputeSins.Query SinsQuery => new()
    {
        Level = SpinalLevel.T10, Pain = PainCharacter.Mechanical, BoneLesion = SinsBoneLesion.Lytic, Alignment = SinsAlignment.Normal,
        Collapse = SinsCollapse.LessThan50Percent, Posterolateral = SinsPosterolateral.Unilateral,
    };

    static ComputeTokuhashi.Query TokuhashiQuery => new()
    {
        Karnofsky = 80, ExtraspinalBoneMetastases = 2, VertebralBodyMetastases = 1, VisceralMetastases = VisceralMetastases.None,
        PrimarySite = TokuhashiPrimarySite.Breast, Frankel = FrankelGrade.E,
    };

    static ComputeTomita.Query TomitaQuery => new()
    {
        PrimaryGrowth = TomitaPrimaryGrowth.Slow, VisceralMetastases = TomitaVisceral.None, BoneMetastases = TomitaBoneMetastases.Multiple,
    };

    static SuggestNoms.Query NomsQuery => new()
    {
        Histology = PrimaryHistology.Breast, Escc = "1b", SinsTotal = 9, GrossInstability = false, FitForSurgery = true,
        AcuteProgressiveMyelopathy = false,
    };

    /// <summary>Each calculator's answer is what the calculator answers for the example (the domain computes it), so the
    /// example cannot disagree with the score.</summary>
    static void ScoreExamples()
    {
        Request("ComputeSins", SinsQuery);
        Response(new ComputeSins.Handler().Handle(SinsQuery, default).Result);
        var escc = new EvaluateEscc.Query { Grade = "1b" };
        Request("EvaluateEscc", escc);
        Response(new EvaluateEscc.Handler().Handle(escc, default).Result);
        Request("ComputeTokuhashi", TokuhashiQuery);
        Response(new ComputeTokuhashi.Handler().Handle(TokuhashiQuery, default).Result);
        Request("ComputeTomita", TomitaQuery);
        Response(new ComputeTomita.Handler().Handle(TomitaQuery, default).Result);
        Request("SuggestNoms", NomsQuery);
        Response(new SuggestNoms.Handler(RadiosensitivityTable.Default).Handle(NomsQuery, default).Result);
        var performance = new ConvertPerformanceStatus.Query { Karnofsky = 80 };
        Request("ConvertPerformanceStatus", performance);
        Response(new ConvertPerformanceStatus.Handler().Handle(performance, default).Result);
    }
}
