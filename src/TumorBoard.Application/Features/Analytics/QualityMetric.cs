using TumorBoard.Domain.Analytics;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// One board quality measure of pathways.md §2, computed in the database. A measure is one small subclass added to
/// <see cref="QualityMetrics.All"/>: its words, and a SELECT over the scope's sets (<see cref="AnalyticsScope"/>) that
/// returns rows of (grp, key, label, numerator, denominator, p50, p90): the row with grp NULL is the measure itself, the
/// others its breakdown (by discipline, member, reason …). Proportions leave p50/p90 NULL; durations leave the numerator
/// NULL and give the number measured as the denominator.
/// </summary>
public abstract class QualityMetric
{
    /// <summary>Stable key in the API ("coverage").</summary>
    public abstract string Key { get; }
    /// <summary>The measure's number in pathways.md §2.</summary>
    public abstract int Measure { get; }
    public abstract string Title { get; }
    /// <summary>Numerator and denominator in words.</summary>
    public abstract string Definition { get; }
    public virtual MetricUnit Unit => MetricUnit.Proportion;
    public virtual string Source => $"pathways.md §2, measure {Measure}";
    /// <summary>The SELECT after the scope's WITH clause.</summary>
    public abstract string Sql(AnalyticsScope scope);
    /// <summary>A breakdown line in words (a code becomes the clinic's words).</summary>
    public virtual string Label(MetricPart part) => part.Label.Length > 0 ? part.Label : part.Key;

    /// <summary>
    /// Why the measure cannot be counted yet (what it needs that the system does not record), or null when it can. A
    /// measure that cannot be counted runs no SQL and answers no numbers: never a zero that looks like a result.
    /// </summary>
    public virtual string? Unavailable => null;
}

/// <summary>
/// A measure the issue asks for whose data the system does not record yet: listed with its words and what it waits
/// for, so that the API and the page say so plainly instead of showing a zero.
/// </summary>
public abstract class PendingMetric : QualityMetric
{
    public abstract override string Unavailable { get; }
    public override string Sql(AnalyticsScope scope) => throw new InvalidOperationException($"{Key} cannot be counted yet: {Unavailable}");
}

public sealed record MetricValue
{
    public string Key { get; init; } = "";
    public int Measure { get; init; }
    public string Title { get; init; } = "";
    public string Definition { get; init; } = "";
    public string Source { get; init; } = "";
    public MetricUnit Unit { get; init; }
    /// <summary>False when the measure cannot be counted yet (<see cref="UnavailableReason"/> says why): no numbers then.</summary>
    public bool Available { get; init; } = true;
    /// <summary>What the measure waits for, when it is not <see cref="Available"/>; null otherwise.</summary>
    public string? UnavailableReason { get; init; }
    /// <summary>Null for a duration, and when the measure is not available.</summary>
    public long? Numerator { get; init; }
    /// <summary>Null only when the measure is not available.</summary>
    public long? Denominator { get; init; }
    /// <summary>numerator / denominator for a proportion, the median for a duration; null when the denominator is 0.</summary>
    public double? Value { get; init; }
    public double? Median { get; init; }
    public double? Percentile90 { get; init; }
    public IReadOnlyList<MetricPart> Parts { get; init; } = [];
}

/// <summary>One line of a measure's breakdown: <see cref="Group"/> says what it is broken down by ("discipline", "reason" …).</summary>
public sealed record MetricPart
{
    public string Group { get; init; } = "";
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public long? Numerator { get; init; }
    public long Denominator { get; init; }
    public double? Value { get; init; }
    public double? Median { get; init; }
    public double? Percentile90 { get; init; }
}
