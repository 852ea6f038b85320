using Microsoft.AspNetCore.Mvc.ModelBinding;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The decision form as posted: the whole <see cref="DecisionContent"/> except the plan, the plan as a fixed number of
/// numbered step rows (blank rows are not steps; the position field orders them), the draft's version and, on the amend
/// page, the amendment reason. <see cref="ToContent"/> turns it into the content the commands carry.
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
    /// The content of a <see cref="Compacted"/> form, or null when a filled row lacks its kind or timing (a form-shape
    /// error, like a value that does not parse: the row cannot become a plan step). The messages go under the row's fields.
    /// </summary>
    public DecisionContent? ToContent(ModelStateDictionary modelState, string prefix)
    {
        var complete = true;
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Kind is null)
            {
                modelState.AddModelError($"{prefix}.Steps[{i}].Kind", "Choose the kind of this step, or clear the row.");
                complete = false;
            }
            if (Steps[i].Timing is null)
            {
                modelState.AddModelError($"{prefix}.Steps[{i}].Timing", "Choose when this step should happen.");
                complete = false;
            }
        }
        return complete ? Content with { Plan = [.. Steps.Select(r => r.ToStep())] } : null;
    }

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

    public bool IsBlank => Kind is null && TargetLevels.Count == 0 && DoseGy is null && Fractions is null && Timing is null
        && string.IsNullOrWhiteSpace(Details);

    public static PlanStepRow From(PlanStep s, int position) => new()
    {
        Position = position, Kind = s.Kind, TargetLevels = [.. s.TargetLevels], DoseGy = s.DoseGy, Fractions = s.Fractions,
        Timing = s.Timing, Details = s.Details,
    };

    public PlanStep ToStep() => new()
    {
        Kind = Kind!.Value, TargetLevels = [.. TargetLevels], DoseGy = DoseGy, Fractions = Fractions, Timing = Timing!.Value,
        Details = Details,
    };
}
