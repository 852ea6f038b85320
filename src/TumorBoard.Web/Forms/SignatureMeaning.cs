using Microsoft.Extensions.Localization;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Forms;

/// <summary>
/// A signature's meaning as a page shows it: the record, its hash and the API keep the English words that were signed
/// ("approved as board chair"); a page in another language shows the same meaning in its words (issue #15 part 1). A
/// meaning the board did not define is shown as stored.
/// </summary>
public static class SignatureMeaning
{
    public static string Local(IStringLocalizer<Ui> T, string? meaning) => meaning switch
    {
        BoardDecision.ChairMeaning => T["approved as board chair"],
        EmergencySignature.Meaning => T["agreed as emergency plan outside a meeting"],
        null => "",
        _ => meaning,
    };
}
