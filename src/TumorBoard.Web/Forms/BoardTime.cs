using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;

namespace TumorBoard.Web.Forms;

/// <summary>
/// Instants are stored in UTC and shown, printed and entered in the board's configured time zone, with the zone named:
/// the one formatting of times for every page and print (UTC stays in the API, the exports and the hash). Pages read it
/// through <see cref="LocalTime"/> (injected into every view as <c>LocalTime</c>) or these extensions of the options.
/// </summary>
public static class BoardTime
{
    /// <summary>The local time in the board's zone; an instant at the very ends of the calendar (a stored value no zone offset
    /// can move) is shown as it is, in UTC, rather than failing the page.</summary>
    public static DateTime ToLocal(this BoardOptions board, DateTimeOffset utc) =>
        NearCalendarEnd(utc.UtcDateTime) ? utc.UtcDateTime : TimeZoneInfo.ConvertTime(utc, board.Zone).DateTime;

    /// <summary>"Tue 2025-03-04 16:00 (Europe/Zurich)" in English; in the page's language its weekday and date as that
    /// culture writes them, "Di 04.03.2025 16:00 (Europe/Zurich)" (README "Languages").</summary>
    public static string Show(this BoardOptions board, DateTimeOffset utc) =>
        board.ToLocal(utc).ToString("ddd " + DatePattern() + " HH:mm", Formatting()) + " " + board.ZoneLabel();

    /// <summary>"2025-03-04 16:00:12 (Europe/Zurich)": for records where the order within a minute matters (history, audit).</summary>
    public static string ShowSeconds(this BoardOptions board, DateTimeOffset utc) =>
        board.ToLocal(utc).ToString(DatePattern() + " HH:mm:ss", Formatting()) + " " + board.ZoneLabel();

    /// <summary>The board's local day of an instant, "2025-03-04" ("04.03.2025" in de-CH, fr-CH, it-CH; a case registered at
    /// 23:30 UTC in winter is registered the next day in Zurich).</summary>
    public static string Day(this BoardOptions board, DateTimeOffset utc) =>
        board.ToLocal(utc).ToString(DatePattern(), Formatting());

    /// <summary>A calendar day as the page's language writes it: "2025-03-04" in English, "04.03.2025" in de-CH.</summary>
    public static string Show(DateOnly day) => day.ToString(DatePattern(), Formatting());

    /// <summary>The date pattern of the page's language: ISO 8601 in English (the board's convention so far), the
    /// culture's short date otherwise ("dd.MM.yyyy" for the Swiss cultures).</summary>
    static string DatePattern() => English ? "yyyy-MM-dd" : CultureInfo.CurrentCulture.DateTimeFormat.ShortDatePattern;

    static CultureInfo Formatting() => English ? CultureInfo.InvariantCulture : CultureInfo.CurrentCulture;

    static bool English => BoardCultures.IsEnglish(CultureInfo.CurrentCulture);

    /// <summary>The zone as pages name it: "(Europe/Zurich)".</summary>
    public static string ZoneLabel(this BoardOptions board) => $"({board.TimeZone})";

    /// <summary>An HTML <c>time</c> element: the machine-readable instant in UTC to the second (HTML allows at most three
    /// fractional digits) and the local text.</summary>
    public static IHtmlContent Tag(this BoardOptions board, DateTimeOffset utc, bool seconds = false) =>
        new HtmlString($"<time datetime=\"{MachineReadable(utc)}\">{HtmlEncoder.Default.Encode(seconds ? board.ShowSeconds(utc) : board.Show(utc))}</time>");

    /// <summary>"2025-03-04T15:00:12Z": a valid HTML global date and time string.</summary>
    public static string MachineReadable(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A local date and time in the board's zone as UTC; null when either part is missing.
    /// A time skipped by the daylight-saving change is moved forward by the gap.</summary>
    public static DateTimeOffset? ToUtc(this BoardOptions board, DateOnly? date, TimeOnly? time)
    {
        if (date is not { } d || time is not { } t) return null;
        var local = d.ToDateTime(t, DateTimeKind.Unspecified);
        // 0001-01-01 or 9999-12-31 cannot be moved by a zone offset: pass it on as UTC for the validator to refuse by its range.
        if (NearCalendarEnd(local)) return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
        var zone = board.Zone;
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    static bool NearCalendarEnd(DateTime t) => t < DateTime.MinValue.AddDays(2) || t > DateTime.MaxValue.AddDays(-2);
}

/// <summary>The board's time formatting for views (<c>@inject LocalTime LocalTime</c> in Pages/_ViewImports).</summary>
public sealed class LocalTime(IOptions<BoardOptions> board)
{
    BoardOptions Board => board.Value;

    /// <summary>"Tue 2025-03-04 16:00 (Europe/Zurich)".</summary>
    public string Show(DateTimeOffset utc) => Board.Show(utc);

    /// <summary>"2025-03-04 16:00:12 (Europe/Zurich)".</summary>
    public string ShowSeconds(DateTimeOffset utc) => Board.ShowSeconds(utc);

    /// <summary>The board's local day, "2025-03-04" (de-CH "04.03.2025").</summary>
    public string Day(DateTimeOffset utc) => Board.Day(utc);

    /// <summary>A calendar day in the page's language, "2025-03-04" (de-CH "04.03.2025").</summary>
    public string Day(DateOnly day) => BoardTime.Show(day);

    /// <summary>"(Europe/Zurich)", after a time or a field name ("Time (Europe/Zurich)").</summary>
    public string Zone => Board.ZoneLabel();

    /// <summary>"Europe/Zurich", inside a sentence or parentheses of its own ("Times in Europe/Zurich.").</summary>
    public string ZoneName => Board.TimeZone;

    /// <summary>A <c>time</c> element with the UTC instant as its datetime and the local text.</summary>
    public IHtmlContent Tag(DateTimeOffset utc, bool seconds = false) => Board.Tag(utc, seconds);
}
