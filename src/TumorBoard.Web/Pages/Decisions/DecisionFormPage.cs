using TumorBoard.Domain.Common;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Forms;
using TumorBoard.Web.Errors;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// What the record and the amend page share: the decision form (<see cref="DecisionFormInput"/>, one partial
/// _DecisionContentFields), the responsible-clinician choices, the NOMS suggestion shown next to the concordance, and the
/// way rule failures come back: the commands' messages for "Content.Plan[k].X" go under the fields of step row k.
/// </summary>
public abstract partial class DecisionFormPage(ISender sender, IStringLocalizer<Ui> texts) : PageModel, IFormPage
{
    const string Prefix = "Input";

    [BindProperty] public DecisionFormInput Input { get; set; } = new();

    public GetCase.Result Case { get; protected set; } = null!;
    public IReadOnlyList<ListResponsibleClinicians.Clinician> Clinicians { get; private set; } = [];
    /// <summary>The NOMS suggestion the decision is weighed against (shown next to the concordance).</summary>
    public BoardNomsResult? Noms { get; protected set; }
    /// <summary>What contradicts what on this form as it stands (<see cref="BoardConflicts"/>), shown above the plan.</summary>
    public IReadOnlyList<Conflict> Conflicts { get; private set; } = [];
    /// <summary>What the NOMS panel says about where its suggestion comes from.</summary>
    public abstract string NomsSource { get; }

    protected ISender Sender => sender;
    /// <summary>The page's words in the request's language (Texts/Ui*.resx).</summary>
    protected IStringLocalizer<Ui> T => texts;

    public virtual string ModelPrefix => Prefix;

    /// <summary>Loads what the page shows besides the form (case, decision, suggestion).</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    public virtual async Task OnFormRejectedAsync(CancellationToken ct)
    {
        MovePlanMessages(ModelState);
        await LoadFormAsync(ct);
    }

    /// <summary>The clinician list as select options, the chosen one selected by the tag helper.</summary>
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ClinicianOptions() =>
        [new(T["Choose the responsible clinician…"], ""),
         .. Clinicians.Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(
             c.Discipline is { } d ? $"{c.Name} ({DisplayWords.Local(d)})" : c.Name, c.Id.ToString()))];

    /// <summary>Loads the page and the clinician choices, then gives the form its spare step rows.</summary>
    protected async Task LoadFormAsync(CancellationToken ct, Func<DecisionFormInput>? fill = null)
    {
        await LoadAsync(ct);
        Clinicians = await sender.Send(new ListResponsibleClinicians.Query(), ct);
        if (fill is not null) Input = fill();
        Input = Input.Padded(DecisionStepLimits.Rows);
        Input = Input with { Steps = Marked(Input.Steps) };
        Conflicts = await sender.Send(new FindDecisionConflicts.Query(Case.Id,
            Input.Content.IsTreatment ? [.. Input.Compacted().ToContent().Plan] : []), ct);
    }

    /// <summary>
    /// The rows with their "pre-filled" markers, recomputed on every display (never trusted from the posted hidden field).
    /// None unless the page pre-fills (a new decision's form, <see cref="RecordModel"/>).
    /// </summary>
    protected virtual List<PlanStepRow> Marked(List<PlanStepRow> rows) => [.. rows.Select(r => r with { PrefilledFrom = null })];

    /// <summary>
    /// "More step rows" without JavaScript: the form as typed with <see cref="DecisionStepLimits.MoreRowsStep"/> more blank
    /// rows (up to the plan's limit); nothing is saved and no rule is judged.
    /// </summary>
    public async Task<IActionResult> OnPostMoreRowsAsync(CancellationToken ct)
    {
        ModelState.Clear();   // the form shows the values as bound, without messages of a save that did not happen
        Input = Input.Padded(Math.Min(Input.Steps.Count + DecisionStepLimits.MoreRowsStep, DecisionStepLimits.MaxRows));
        await LoadFormAsync(ct);
        return Page();
    }

    /// <summary>The content to send, from the compacted form (the redisplayed form shows the rows in plan order).</summary>
    protected DecisionContent FormContent()
    {
        Input = Input.Compacted();
        return Input.ToContent();
    }

    /// <summary>
    /// The outcomes a form section applies to (its data-when-outcome list, read by decision-form.js), from the rules table.
    /// </summary>
    public static string OutcomesWhere(Func<OutcomeRules, bool> applies) => string.Join(' ', DecisionOutcomeRules.Where(applies));

    protected async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await OnFormRejectedAsync(ct);
        return Page();
    }

    /// <summary>"Input.Content.Plan[k].DoseGy" (the command's path) -> "Input.Steps[k].DoseGy" (the row's field).</summary>
    static void MovePlanMessages(ModelStateDictionary modelState)
    {
        const string from = Prefix + ".Content.Plan", to = Prefix + ".Steps";
        foreach (var key in modelState.Keys.Where(k => k == from || k.StartsWith(from + "[", StringComparison.Ordinal)).ToList())
        {
            // "Steps[0].TargetLevels[2]" (one level out of range) is shown under the row's level list.
            var target = ItemOfList().Replace(to + key[from.Length..], "$1");
            foreach (var error in modelState[key]!.Errors.ToList()) modelState.AddModelError(target, error.ErrorMessage);
            modelState.Remove(key);
        }
    }

    [GeneratedRegex(@"^(.+\]\.\w+)\[\d+\]$")]
    private static partial Regex ItemOfList();
}
