using TumorBoard.Domain.Common;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Forms;
using TumorBoard.Web.Errors;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Assessments;

/// <summary>
/// The form of one discipline's assessment. Input is the discipline's content record and the revision's reason is posted
/// as Input.Reason, so every message of the commands (named "Ecog", "Lesions[0].Escc", "Reason") lands under its field;
/// "Save draft" sends SaveAssessmentDraft with the content, "Revise" ReviseAssessment with the content and the reason,
/// "Submit" SubmitAssessment. The same commands as the API; the page filter shows rule failures under the fields
/// (Input.&lt;Property&gt;) and 409/412/428 at the top, and maps the discipline guard's Forbidden to 403.
/// </summary>
public abstract class AssessmentFormPage<TInput>(ISender sender, Discipline discipline) : PageModel, IFormPage
    where TInput : AssessmentContent, new()
{
    bool reloadStored;

    /// <summary>The page's words in the user's language (Texts/Ui*.resx): the status messages and the read-only reason.</summary>
    protected IStringLocalizer<Ui> T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Ui>>();

    [BindProperty(SupportsGet = true)] public Guid CaseId { get; set; }
    [BindProperty] public TInput Input { get; set; } = new();
    /// <summary>Why a submitted assessment is revised (the Revise button's form only).</summary>
    [BindProperty(Name = "Input.Reason")] public string? Reason { get; set; }
    /// <summary>The assessment's row version when it exists (the hidden ExpectedVersion of the form).</summary>
    [BindProperty] public uint? Version { get; set; }

    public Discipline Discipline => discipline;
    public GetCase.Result Case { get; private set; } = null!;
    public ListAssessments.Summary? Current { get; private set; }
    /// <summary>The board's NOMS suggestion from the submitted assessments, shown on every form.</summary>
    public BoardNomsResult? Noms { get; private set; }

    public bool CaseClosed => CaseStatuses.IsClosed(Case.Status);
    public bool Locked => Current?.Status == AssessmentStatus.Locked;
    /// <summary>Comfort only: the discipline guard in the domain is what refuses another discipline.</summary>
    public bool IsAuthor => User.FindFirst(ClaimNames.Discipline)?.Value == discipline.ToString();
    public bool ReadOnly => CaseClosed || Locked || !IsAuthor;
    public bool IsSubmitted => Current?.Status == AssessmentStatus.Submitted;
    public bool CanSubmit => !ReadOnly && Current?.Status == AssessmentStatus.Draft;

    public string? ReadOnlyReason =>
        CaseClosed ? T["The case is {0}: its assessments can no longer be written.", DisplayWords.Local(Case.Status)].Value
        : Locked ? T["The case's decision is signed: this assessment is locked."].Value
        : !IsAuthor ? T["Only a specialist in {0} writes this assessment; you can read it here.", DisplayWords.Local(discipline)].Value
        : null;

    public AssessmentFormState State => new(Case, Current, ReadOnlyReason, IsSubmitted, CanSubmit, Version);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Version = Current?.Version;
        Input = Current is { } c ? Stored(c) : await PrefillAsync(ct);
        Shape();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RejectedAsync(ct);
        var saved = await sender.Send(new SaveAssessmentDraft.Command
        {
            CaseId = CaseId, Content = Trimmed(Input), ExpectedVersion = Version,
        }, ct);
        return Saved(T["Draft version {0} saved.", saved.Number], saved);
    }

    public async Task<IActionResult> OnPostReviseAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RejectedAsync(ct);
        var saved = await sender.Send(new ReviseAssessment.Command
        {
            CaseId = CaseId, Content = Trimmed(Input), Reason = Reason ?? "", ExpectedVersion = Version,
        }, ct);
        return Saved(T["Revision saved as version {0}.", saved.Number], saved);
    }

    /// <summary>
    /// Submit posts the form's content: what differs from the stored version is saved first as one new draft version,
    /// which is then submitted (the expected version guards both, so a stale tab is refused, never submitted). A submit
    /// that carries no content is refused with a message rather than submitting a version the user may not be looking at.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken ct)
    {
        if (!Request.Form.Keys.Any(k => k.StartsWith("Input.", StringComparison.Ordinal)))
        {
            ModelState.AddModelError(string.Empty,
                T["Nothing of the form was sent with Submit, so nothing was submitted. Check the form below and press Submit again."]);
            reloadStored = true;
            return await RejectedAsync(ct);
        }
        if (!ModelState.IsValid) return await RejectedAsync(ct);
        await LoadAsync(ct);
        if (Current is null || Changed(Current))
        {
            var draft = await sender.Send(new SaveAssessmentDraft.Command
            {
                CaseId = CaseId, Content = Trimmed(Input), ExpectedVersion = Version,
            }, ct);
            // If the submission is refused now (incomplete), the redisplayed form says the edits were kept as this draft.
            Version = draft.Version;
            ModelState.Remove(nameof(Version));
            TempData["Flash"] = T["Your changes were saved as draft version {0}; it was not submitted.", draft.Number].Value;
        }
        var saved = await sender.Send(new SubmitAssessment.Command(CaseId, discipline) { ExpectedVersion = Version }, ct);
        return Saved(T["Submitted as version {0}.", saved.Number], saved);
    }

    /// <summary>
    /// "More rows" without JavaScript: the form as typed with <see cref="MoreRowsStep"/> more blank rows in the named list;
    /// nothing is saved and no rule is judged (the form's version stays, so a later save is still guarded).
    /// </summary>
    public async Task<IActionResult> OnPostMoreRowsAsync([FromForm] string? more, CancellationToken ct)
    {
        ModelState.Clear();   // the form shows the values as bound, without messages of a save that did not happen
        await LoadAsync(ct);
        if (Current is null) PrefilledFields = await UnchangedPrefillAsync(ct);
        Input = WithMoreRows(Trimmed(Input), more);
        Shape();
        return Page();
    }

    /// <summary>How many blank rows one "More rows" press adds.</summary>
    public const int MoreRowsStep = 3;

    /// <summary>The content with <see cref="MoreRowsStep"/> blank rows added to the list named <paramref name="list"/>.</summary>
    protected virtual TInput WithMoreRows(TInput input, string? list) => input;

    bool Changed(ListAssessments.Summary current) =>
        JsonSerializer.Serialize(Trimmed(Input), AssessmentJson.Options) != JsonSerializer.Serialize(Trimmed(Stored(current)), AssessmentJson.Options);

    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (reloadStored && Current is { } c) Input = Stored(c);   // the submit form posts no content
        else if (Current is null) PrefilledFields = await UnchangedPrefillAsync(ct);
        Shape();
    }

    /// <summary>
    /// A new form redisplayed (refused, or more rows): the pre-filled fields whose value on the form is still the pre-filled
    /// one keep their marker, recomputed from the case rather than trusted from the post; a changed field loses it.
    /// </summary>
    async Task<IReadOnlyList<PrefilledField>> UnchangedPrefillAsync(CancellationToken ct)
    {
        var prefill = await PrefillAsync(ct);
        var fields = PrefilledFields;
        return [.. fields.Where(f => typeof(TInput).GetProperty(f.Field) is { } p && Equals(p.GetValue(prefill), p.GetValue(Input)))];
    }

    /// <summary>The scores computed by the server when the current version was saved.</summary>
    public T? Computed<T>() where T : class =>
        Current is { } c && c.Computed.TryGetProperty("scores", out var s) ? s.Deserialize<T>(AssessmentJson.Options) : null;

    protected ISender Sender => sender;
    /// <summary>The fields of a new form that were pre-filled, each marked with its source next to its label.</summary>
    public IReadOnlyList<PrefilledField> PrefilledFields { get; protected set; } = [];
    protected virtual TInput Prefill() => new();
    /// <summary>A new form's content (no version yet): <see cref="Prefill"/> unless the discipline reads a pre-fill query.</summary>
    protected virtual ValueTask<TInput> PrefillAsync(CancellationToken ct) => ValueTask.FromResult(Prefill());
    /// <summary>What is removed before sending (spare blank rows).</summary>
    protected virtual TInput Trimmed(TInput input) => input;
    /// <summary>What the displayed form needs besides the content (spare rows).</summary>
    protected virtual void Shape() { }

    async Task<IActionResult> RejectedAsync(CancellationToken ct)
    {
        await OnFormRejectedAsync(ct);
        return Page();
    }

    IActionResult Saved(string message, AssessmentSaved saved)
    {
        TempData["Flash"] = saved.Warnings.Count > 0 ? T["{0} Check the warnings below.", message].Value : message;
        return RedirectToPage(new { caseId = CaseId });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Case = await sender.Send(new GetCase.Query(CaseId), ct);
        var list = await sender.Send(new ListAssessments.Query(CaseId), ct);
        Current = list.Assessments.FirstOrDefault(a => a.Discipline == discipline);
        Noms = list.Noms;
    }

    static TInput Stored(ListAssessments.Summary c) => c.Content.Deserialize<TInput>(AssessmentJson.Options)!;
}

/// <summary>What the shared partials of the three forms need (state line, actions, submit form).</summary>
public sealed record AssessmentFormState(GetCase.Result Case, ListAssessments.Summary? Current, string? ReadOnlyReason,
    bool IsSubmitted, bool CanSubmit, uint? Version)
{
    public bool ReadOnly => ReadOnlyReason is not null;
}
