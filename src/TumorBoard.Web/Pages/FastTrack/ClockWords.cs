using Microsoft.Extensions.Localization;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.FastTrack;

/// <summary>A clock's time left and its start in words (the names themselves come from DisplayWords).</summary>
public static class ClockWords
{
    /// <summary>"5 h 20 min left" or "overrun by 1 d 2 h".</summary>
    public static string Left(long minutes)
    {
        var span = TimeSpan.FromMinutes(Math.Abs(minutes));
        var text = span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : $"{span.Minutes} min";
        return minutes >= 0 ? $"{text} left" : $"overrun by {text}";
    }

    /// <summary>The same in the page's language (Texts/Ui*.resx).</summary>
    public static string Left(long minutes, IStringLocalizer<Ui> T)
    {
        var span = TimeSpan.FromMinutes(Math.Abs(minutes));
        string text = span.TotalDays >= 1 ? T["{0} d {1} h", (int)span.TotalDays, span.Hours]
            : span.TotalHours >= 1 ? T["{0} h {1} min", (int)span.TotalHours, span.Minutes] : T["{0} min", span.Minutes];
        return minutes >= 0 ? T["{0} left", text] : T["overrun by {0}", text];
    }

    /// <summary>What started the clock: a recorded pathway event, the case's registration or the decision's signature.</summary>
    public static string StartedFrom(string from) => from switch
    {
        "CaseRegistered" => "from registration: no suspicion recorded",
        "DecisionSigned" => "from the signed decision",
        _ when Enum.TryParse<MsccEvent>(from, out var e) => "from " + DisplayWords.LocalInSentence(e),
        _ => from,
    };

    /// <summary>The same in the page's language (Texts/Ui*.resx).</summary>
    public static string StartedFrom(string from, IStringLocalizer<Ui> T) => from switch
    {
        "CaseRegistered" => T["from registration: no suspicion recorded"],
        "DecisionSigned" => T["from the signed decision"],
        _ when Enum.TryParse<MsccEvent>(from, out var e) => T["from {0}", DisplayWords.LocalInSentence(e)],
        _ => from,
    };
}
