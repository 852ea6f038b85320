namespace TumorBoard.Domain.Analytics;

/// <summary>Which date puts a decision in the period of a quality report (pathways.md §2: by meeting date or by decision date).</summary>
public enum PeriodBasis { MeetingDate, DecisionDate }

/// <summary>Whether a report counts only the current signed version of each decision, or every signed version (amended ones too).</summary>
public enum VersionScope { Latest, All }

/// <summary>What a quality measure's value is: a proportion (numerator / denominator) or a duration (median and 90th percentile).</summary>
public enum MetricUnit { Proportion, Hours, Days }

/// <summary>
/// The three kinds of CSV export (issue §2 of #14): one row per decision version, per plan step, per attendance. The members
/// are spelled as the query string carries them (<c>kind=decisions|steps|attendance</c>, the words), the way
/// <see cref="Patients.PatientLanguage"/>'s members are the codes the API carries.
/// </summary>
#pragma warning disable IDE1006 // the API's spelling, not C#'s
public enum ExportKind { decisions, steps, attendance }
#pragma warning restore IDE1006
