using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The decision form as posted: the whole <see cref="DecisionContent"/> except the plan, the plan as a fixed number of
/// numbered step rows (blank rows are not steps; the position field orders them), the draft's version and, on the amend
/// page, the amendment reason. <see cref="ToContent"/> maps it 1:1 to the content the commands carry; only the
/// pipeline's validation judges it (its messages for "Content.Plan[k]" are shown under row k).
/// </summary>
public sealed record DecisionFormInput
{
    public DecisionContent Content { get; init; } = new();
    public List<PlanStepRow> Steps { get; init; } = [];
    /// <summary>The draft's row version when the form edits a draft (ReviseDecision's ExpectedVersion).</summary>
    public uint? ExpectedVersion { get; init; }
    /// <summary>The amendment reason (amend page only).</summary>
    public string? Reason { get; init; }

    /// <summary>The form of stored content: one numbered row per plan step.</summary>
    public static DecisionFormInput From(DecisionContent content, uint? version = null) => new()
    {
        Content = content with { Plan = [] },
        Steps = [.. content.Plan.Select((s, i) => PlanStepRow.From(s, i + 1))],
        ExpectedVersion = version,
    };

    /// <summary>
    /// The filled rows in the order of their position numbers (then their order on the form), numbered 1..n, so that
    /// step k of the content is row k of the redisplayed form and "Content.Plan[k]" messages land on that row.
    /// </summary>
    public DecisionFormInput Compacted() => this with
    {
        Steps = [.. Steps.Select((row, i) => (row, i)).Where(x => !x.row.IsBlank)
            .OrderBy(x => x.row.Position ?? int.MaxValue).ThenBy(x => x.i)
            .Select((x, n) => x.row with { Position = n + 1 })],
    };

    /// <summary>
    /// The content the commands carry, field for field: the rows of a <see cref="Compacted"/> form are the plan steps.
    /// Nothing is judged here; a row without its kind or timing goes to the command as it is and the validator says so
    /// under the row, with every other message of the same submit.
    /// </summary>
    public DecisionContent ToContent() => Content with { Plan = [.. Steps.Select(r => r.ToStep())] };

    /// <summary>The form with blank rows added up to <paramref name="rows"/> (at least one spare row).</summary>
    public DecisionFormInput Padded(int rows)
    {
        var filled = Steps.Where(r => !r.IsBlank).Count();
        var target = Math.Min(Math.Max(rows, filled + 1), Math.Max(Steps.Count, DecisionStepLimits.MaxRows));
        return Steps.Count >= target ? this : this with { Steps = [.. Steps, .. Enumerable.Range(0, target - Steps.Count).Select(_ => new PlanStepRow())] };
    }
}

/// <summary>How many step rows the form shows.</summary>
public static class DecisionStepLimits
{
    /// <summary>Rows shown on an empty form; a longer plan gets one spare row more.</summary>
    public const int Rows = 6;
    /// <summary>The most rows the form grows to (the validator's limit on plan steps).</summary>
    public const int MaxRows = Application.Features.Decisions.DecisionContentValidator.MaxPlanSteps;
    /// <summary>Blank rows a "more step rows" submit adds.</summary>
    public const int MoreRowsStep = 3;
}

/// <summary>One step row of the form. Everything is optional so that a blank row binds as blank.</summary>
public sealed record PlanStepRow
{
    /// <summary>The step's number in the plan; rows are ordered by it (renumbered 1..n on saving).</summary>
    public int? Position { get; init; }
    public PlanStepKind? Kind { get; init; }
    public List<SpinalLevel> TargetLevels { get; init; } = [];
    public decimal? DoseGy { get; init; }
    public int? Fractions { get; init; }
    public StepTiming? Timing { get; init; }
    public string? Details { get; init; }
    /// <summary>Where a pre-filled row comes from ("from the neurosurgery assessment"); display only, never part of the step.</summary>
    public string? PrefilledFrom { get; init; }

    public bool IsBlank => Kind is null && TargetLevels.Count == 0 && DoseGy is null && Fractions is null && Timing is null
        && string.IsNullOrWhiteSpace(Details);

    /// <summary>
    /// Whether this row still shows every value <paramref name="prefilled"/> filled in (kind, levels, dose, fractions, timing,
    /// details): a value the pre-fill left blank may have been added, a pre-filled value changed or cleared may not.
    /// </summary>
    public bool KeepsValuesOf(PlanStepRow prefilled) =>
        (prefilled.Kind is null || Kind == prefilled.Kind)
        && (prefilled.TargetLevels.Count == 0 || TargetLevels.Order().SequenceEqual(prefilled.TargetLevels.Order()))
        && (prefilled.DoseGy is null || DoseGy == prefilled.DoseGy)
        && (prefilled.Fractions is null || Fractions == prefilled.Fractions)
        && (prefilled.Timing is null || Timing == prefilled.Timing)
        && (string.IsNullOrWhiteSpace(prefilled.Details) || (Details ?? "").Trim() == prefilled.Details.Trim());

    public static PlanStepRow Prefilled(Domain.Decisions.PrefilledStep p, int position) => From(p.Step, position) with { PrefilledFrom = p.Source };

    public static PlanStepRow From(PlanStep s, int position) => new()
    {
        Position = position, Kind = s.Kind, TargetLevels = [.. s.TargetLevels], DoseGy = s.DoseGy, Fractions = s.Fractions,
        Timing = s.Timing, Details = s.Details,
    };

    public PlanStep ToStep() => new()
    {
        Kind = Kind, TargetLevels = [.. TargetLevels], DoseGy = DoseGy, Fractions = Fractions, Timing = Timing, Details = Details,
    };
}
