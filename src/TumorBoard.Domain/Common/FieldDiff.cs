namespace TumorBoard.Domain.Common;

/// <summary>A field of a version as a reader sees it: a stable key, a human label and the displayed value (null: empty).</summary>
public sealed record LabelledValue(string Field, string Label, string? Value);

/// <summary>One field that differs between two versions, with its human label; Before or After is null when empty.</summary>
public sealed record LabelledChange(string Field, string Label, string? Before, string? After);

/// <summary>
/// The one way two versions of a record are compared field by field (assessment versions, decision versions): both
/// sides are flattened to key -> value, and every key whose value differs is a change. Keys keep the order in which
/// they first appear (the earlier version's, then keys only the later one has).
/// </summary>
public static class FieldDiff
{
    public static IEnumerable<(string Key, string? Before, string? After)> Changed(
        IEnumerable<KeyValuePair<string, string?>> before, IEnumerable<KeyValuePair<string, string?>> after)
    {
        var old = before.ToList();
        var now = after.ToList();
        var oldValues = old.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var newValues = now.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return old.Select(p => p.Key).Concat(now.Select(p => p.Key)).Distinct(StringComparer.Ordinal)
            .Select(k => (Key: k, Before: oldValues.GetValueOrDefault(k), After: newValues.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After);
    }

    /// <summary>The labelled fields that differ; the label is the later version's (the earlier one's for a removed field).</summary>
    public static IReadOnlyList<LabelledChange> Between(IEnumerable<LabelledValue> before, IEnumerable<LabelledValue> after)
    {
        var old = before.ToList();
        var now = after.ToList();
        var labels = old.Concat(now).GroupBy(v => v.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Label);
        return Changed(Pairs(old), Pairs(now)).Select(c => new LabelledChange(c.Key, labels[c.Key], c.Before, c.After)).ToList();
    }

    static IEnumerable<KeyValuePair<string, string?>> Pairs(IEnumerable<LabelledValue> values) =>
        values.Select(v => KeyValuePair.Create(v.Field, string.IsNullOrWhiteSpace(v.Value) ? null : v.Value));
}
