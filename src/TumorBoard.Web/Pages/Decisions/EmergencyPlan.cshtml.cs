using System.Security.Claims;
using TumorBoard.Application.Common.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Forms;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The emergency plan outside a meeting for a P1 case (issue #14 part 1): without an open emergency draft the decision form
/// (RecordEmergencyPlan, the same partial as the board's form); with one, a signing panel per discipline (SignEmergencyPlan,
/// password re-entered). The same commands as the API: rule failures under the fields, 403/409 at the top.
/// </summary>
public sealed class EmergencyPlanModel(ISender sender, IStringLocalizer<Ui> texts) : DecisionFormPage(sender, texts)
{
    string prefix = "Input";

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public SignEmergencyPlan.Command Signature { get; set; } = new();

    /// <summary>The case's open emergency plan draft, signed by one discipline or none.</summary>
    public DecisionView? Draft { get; private set; }
    /// <summary>The case's current signed decision (a board decision or an emergency plan), if any.</summary>
    public ListCaseDecisions.Row? Current { get; private set; }
    /// <summary>A board decision's draft is open: no emergency plan is started beside it.</summary>
    public ListCaseDecisions.Row? BoardDraft { get; private set; }
    /// <summary>The discipline whose signing form was posted (its messages are shown under its own fields).</summary>
    public Discipline? Posted { get; private set; }

    public override string ModelPrefix => prefix;
    public override string NomsSource => T["Computed now from the submitted assessments; saved with the plan as it stands when you save."];
    public bool IsP1 => Case.Triage == TriageLevel.P1;
    /// <summary>The signed-in specialist's discipline (from the sign-in's claims).</summary>
    public Discipline? MyDiscipline => User.IsInRole(Roles.Specialist) && Enum.TryParse<Discipline>(User.FindFirstValue(ClaimNames.Discipline), out var d) ? d : null;
    /// <summary>Comfort only: the commands are the guard (a neurosurgeon or radiation oncologist writes and signs).</summary>
    public bool MayWrite => MyDiscipline is { } mine && EmergencySignature.Disciplines.Contains(mine);
    public string? MyName => User.FindFirstValue(ClaimNames.DisplayName);

    public async Task OnGetAsync(CancellationToken ct) => await LoadFormAsync(ct, () => new DecisionFormInput
    {
        Content = new DecisionContent { PatientPreferences = Case.Details.PatientPreferences },
    });

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        var saved = await Sender.Send(new RecordEmergencyPlan.Command { CaseId = Id, Content = FormContent() }, ct);
        TempData["Flash"] = T["Emergency plan saved as draft version {0}: a neurosurgeon and a radiation oncologist now sign it.", saved.Number].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct)
    {
        prefix = nameof(Signature);
        Posted = Signature.Discipline;
        ModelState.Remove("Input");   // the decision form was not posted
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        DecisionSaved signed;
        try { signed = await Sender.Send(Signature, ct); }
        catch (ForbiddenException refused)
        {
            // Signing for a discipline one does not hold: still a 403, with the reason under the panel's password.
            ModelState.AddModelError($"{nameof(Signature)}.{nameof(Signature.Password)}", ExceptionMapping.LocalMessage(refused));
            await LoadFormAsync(ct);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (signed.View.Status == DecisionStatus.Signed)
        {
            TempData["Flash"] = T["Emergency plan version {0} is signed by both disciplines; the case is listed for review at the next board.", signed.Number].Value;
            return RedirectToPage("Details", new { id = signed.Id });
        }
        TempData["Flash"] = T["Your signature for {0} is recorded; the other discipline signs next.", DisplayWords.LocalInSentence(Signature.Discipline!.Value)].Value;
        return RedirectToPage(new { id = Id });
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Case = await Sender.Send(new GetCase.Query(Id), ct);
        Noms = (await Sender.Send(new ListAssessments.Query(Id), ct)).Noms;
        var decisions = await Sender.Send(new ListCaseDecisions.Query(Id), ct);
        Current = decisions.FirstOrDefault(d => d.Status == DecisionStatus.Signed);
        var draft = decisions.FirstOrDefault(d => d.Status == DecisionStatus.Draft);
        Draft = draft is null ? null : await Sender.Send(new GetDecision.Query(draft.Id), ct);
        if (Draft is { Kind: not DecisionKind.EmergencyPlan })
        {
            BoardDraft = draft;
            Draft = null;
        }
    }
}
