namespace TumorBoard.Application.Common.Models;

/// <summary>Deployment settings of the board (configuration section "Board").</summary>
public sealed class BoardOptions
{
    /// <summary>IANA time zone in which meetings are shown and entered.</summary>
    public string TimeZone { get; set; } = "Europe/Zurich";
    /// <summary>Imaging older than this is flagged "imaging stale" on the agenda.</summary>
    public int ImagingStaleDays { get; set; } = 30;
    /// <summary>Imaging dated before this day is stale on the board's local <paramref name="today"/> (<see cref="BoardClock.Today"/>).</summary>
    public DateOnly ImagingStaleBefore(DateOnly today) => today.AddDays(-ImagingStaleDays);
    /// <summary>Draft cases older than this show on the coordinator's dashboard.</summary>
    public int DraftAgeDays { get; set; } = 7;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The language of the pages for someone who has chosen none and whose browser asks for none we have
    /// (one of <see cref="BoardCultures.Supported"/>; "Board:Culture").</summary>
    public string Culture { get; set; } = BoardCultures.English;

    /// <summary>The letterhead of the printed decision report (configuration section "Board:Report").</summary>
    public ReportOptions Report { get; set; } = new();

    /// <summary>The letter to the patient (configuration section "Board:PatientLetter").</summary>
    public PatientLetterOptions PatientLetter { get; set; } = new();
}

/// <summary>The patient letter's settings (configuration section "Board:PatientLetter", pathways.md §4).</summary>
public sealed class PatientLetterOptions
{
    /// <summary>The language of a patient registered without one (de, fr, it or en).</summary>
    public TumorBoard.Domain.Patients.PatientLanguage DefaultLanguage { get; set; } = TumorBoard.Domain.Patients.PatientLanguage.de;
    /// <summary>The board's number answered 24 hours a day, printed with the warning signs. No letter is written without it.</summary>
    public string EmergencyPhone { get; set; } = "";
}

/// <summary>Who sends the printed decision report to the referring physician (configuration section "Board:Report").</summary>
public sealed class ReportOptions
{
    /// <summary>The board's name as the report's heading names it.</summary>
    public string BoardName { get; set; } = "Interdisciplinary spine tumor board";
    /// <summary>The hospital or institution (empty: left out).</summary>
    public string Institution { get; set; } = "";
    /// <summary>The postal address; line breaks (or "; ") separate its lines (empty: left out).</summary>
    public string Address { get; set; } = "";
    /// <summary>Telephone or e-mail for questions about the report (empty: left out).</summary>
    public string Contact { get; set; } = "";
    /// <summary>A PNG, JPEG or SVG logo file, absolute or relative to the app's content root (empty: no logo). Read once,
    /// embedded in the page, so the printed report carries it without another request.</summary>
    public string LogoFile { get; set; } = "";
}
