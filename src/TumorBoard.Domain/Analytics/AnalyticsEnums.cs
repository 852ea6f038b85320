namespace TumorBoard.Domain.Analytics;

/// <summary>Which date puts a decision in the period of a quality report (pathways.md §2: by meeting date or by decision date).</summary>
public enum PeriodBasis { MeetingDate, DecisionDate }

/// <summary>Whether a report counts only the current signed version of each decision, or every signed version (amended ones too).</summary>
public enum VersionScope { Latest, All }

/// <summary>What a quality measure's value is: a proportion (numerator / denominator) or a duration (median and 90th percentile).</summary>
public enum MetricUnit { Proportion, Hours, Days }

/// <summary>The three kinds of CSV export (issue #14 §2): one row per decision version, per plan step, per attendance.</summary>
public enum ExportKind { Decisions, Steps, Attendance }
