using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Forms;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The decision form used live in the meeting by the chair or a coordinator. Without a draft for the case it records one
/// (RecordDecision); with a draft it edits that draft (ReviseDecision with the version read). The chair waives a missing
/// assessment here too (WaiveAssessment). The same commands as the API: rule failures under the fields, 409/412 at the top.
/// </summary>
public sealed class RecordModel(ISender sender, IStringLocalizer<Ui> texts) : DecisionFormPage(sender, texts)
{
    string prefix = "Input";
    bool refill;

    [FromRoute] public Guid MeetingId { get; set; }
    [FromRoute] public Guid ItemId { get; set; }
    /// <summary>The draft this form edits (none: the form records a new draft).</summary>
    [BindProperty] public Guid? DraftId { get; set; }
    [BindProperty] public WaiveAssessment.Command Waiver { get; set; } = new();

    public GetMeeting.Result Meeting { get; private set; } = null!;
    public GetMeeting.Item Item { get; private set; } = null!;
    /// <summary>The case's draft decision when one exists (edited by this form).</summary>
    public DecisionView? Draft { get; private set; }
    /// <summary>The case's current signed decision, if any.</summary>
    public ListCaseDecisions.Row? Current { get; private set; }
    public IReadOnlyList<WaiverSnapshot> Waivers { get; private set; } = [];
    /// <summary>The plan pre-filled from the submitted recommendations (used while no draft exists).</summary>
    public IReadOnlyList<PrefilledStep> Prefill { get; private set; } = [];

    public override string ModelPrefix => prefix;
    public override string NomsSource => Draft?.AmendsId is not null
        ? DecisionText.AmendmentNoms(T)
        : T["Computed now from the submitted assessments; saved with the decision as it stands when you save."];
    public bool IsChair => User.IsInRole(Roles.Specialist) && User.FindFirstValue(ClaimTypes.NameIdentifier) == Meeting.ChairId.ToString();
    public bool Running => Meeting.Status == MeetingStatus.InProgress;
    /// <summary>Decided in this meeting and no draft open: nothing to record here (a change is an amendment).</summary>
    public bool Decided => Item.Status == AgendaItemStatus.Decided && Draft is null && Current is not null;
    /// <summary>Required disciplines with neither a submitted assessment nor a waiver for this item.</summary>
    public IReadOnlyList<Discipline> Unwaived =>
        [.. (Noms?.MissingAssessments ?? []).Where(d => Waivers.All(w => w.Discipline != d))];

    public async Task OnGetAsync(CancellationToken ct) => await LoadFormAsync(ct, Stored);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        var content = FormContent();
        var saved = DraftId is { } draftId
            ? await Sender.Send(new ReviseDecision.Command { DecisionId = draftId, Content = content, ExpectedVersion = Input.ExpectedVersion }, ct)
            : await Sender.Send(new RecordDecision.Command { MeetingId = MeetingId, ItemId = ItemId, Content = content }, ct);
        TempData["Flash"] = T["Decision version {0} saved as a draft: members can now record their positions.", saved.Number].Value;
        return RedirectToPage("Details", new { id = saved.Id });
    }

    public async Task<IActionResult> OnPostWaiveAsync(CancellationToken ct)
    {
        prefix = nameof(Waiver);
        refill = true;
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        await Sender.Send(Waiver with { MeetingId = MeetingId, ItemId = ItemId }, ct);
        TempData["Flash"] = T["The {0} assessment is waived for this case.", DisplayWords.Local(Waiver.Discipline)].Value;
        return RedirectToPage(new { meetingId = MeetingId, itemId = ItemId });
    }

    /// <summary>The draft this form was editing has been signed since the form was shown (its change was refused).</summary>
    public ListCaseDecisions.Row? SignedMeanwhile { get; private set; }

    /// <summary>A refused waiver posts no decision form: the form shows the stored draft (or the pre-filled one) again.</summary>
    public override async Task OnFormRejectedAsync(CancellationToken ct)
    {
        var posted = DraftId;
        if (refill) await LoadFormAsync(ct, Stored);
        else await base.OnFormRejectedAsync(ct);
        if (!refill && posted is { } id && Current?.Id == id)
        {
            // Not "changed by someone else, reload and apply again": it was signed, and a change now is an amendment.
            SignedMeanwhile = Current;
            ModelState.Remove(string.Empty);
        }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Meeting = await Sender.Send(new GetMeeting.Query(MeetingId), ct);
        Item = Meeting.Agenda.FirstOrDefault(i => i.Id == ItemId) ?? throw NotFoundException.For("Agenda item", ItemId);
        Case = await Sender.Send(new GetCase.Query(Item.CaseId), ct);
        Noms = (await Sender.Send(new ListAssessments.Query(Item.CaseId), ct)).Noms;
        var decisions = await Sender.Send(new ListCaseDecisions.Query(Item.CaseId), ct);
        Current = decisions.FirstOrDefault(d => d.Status == DecisionStatus.Signed);
        Draft = decisions.FirstOrDefault(d => d.Status == DecisionStatus.Draft) is { } draft
            ? await Sender.Send(new GetDecision.Query(draft.Id), ct) : null;
        Waivers = await Sender.Send(new ListAssessmentWaivers.Query(MeetingId, ItemId), ct);
        if (Draft?.AmendsId is not null) Noms = DecisionText.StoredNoms(Draft);
        if (Draft is null) Prefill = await Sender.Send(new PrefillDecision.Query(Item.CaseId), ct);
    }

    /// <summary>
    /// A new form's row keeps its marker while it still shows the values pre-filled from a recommendation (values the
    /// pre-fill left blank may be added, as the timing the board chooses); each pre-filled step marks one row at most.
    /// </summary>
    protected override List<PlanStepRow> Marked(List<PlanStepRow> rows)
    {
        var unused = Draft is null ? Prefill.ToList() : [];
        return [.. rows.Select(row =>
        {
            var match = row.IsBlank ? null : unused.FirstOrDefault(p => row.KeepsValuesOf(PlanStepRow.From(p.Step, 0)));
            if (match is not null) unused.Remove(match);
            return row with { PrefilledFrom = match?.Source };
        })];
    }

    /// <summary>
    /// The draft as stored, or a new form: the plan pre-filled from the submitted recommendations (each row marked with its
    /// source) and the case's recorded patient preferences.
    /// </summary>
    DecisionFormInput Stored()
    {
        DraftId = Draft?.Id;
        return Draft is { } d ? DecisionFormInput.From(d.Content, d.Version)
            : new DecisionFormInput
            {
                Content = new DecisionContent { PatientPreferences = Case.Details.PatientPreferences },
                Steps = [.. Prefill.Select((p, i) => PlanStepRow.Prefilled(p, i + 1))],
            };
    }
}
