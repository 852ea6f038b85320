using Mediator;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Decisions;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// Amends the current signed decision (AmendDecision): the form starts from the signed content, the reason is required,
/// the result is a new draft version to be signed again by a chair. The signed version stays untouched until then.
/// </summary>
public sealed class AmendModel(ISender sender, IStringLocalizer<Ui> texts) : DecisionFormPage(sender, texts)
{
    [FromRoute] public Guid Id { get; set; }

    public DecisionView Decision { get; private set; } = null!;
    public override string NomsSource => DecisionText.AmendmentNoms(T);

    public async Task OnGetAsync(CancellationToken ct) =>
        await LoadFormAsync(ct, () => DecisionFormInput.From(Decision.Content));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        var content = FormContent();
        var saved = await Sender.Send(new AmendDecision.Command { DecisionId = Id, Reason = Input.Reason ?? "", Content = content }, ct);
        TempData["Flash"] = T["Amendment saved as draft version {0}: it replaces the signed version once a board chair signs it.", saved.Number].Value;
        return RedirectToPage("Details", new { id = saved.Id });
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Decision = await Sender.Send(new GetDecision.Query(Id), ct);
        Case = await Sender.Send(new GetCase.Query(Decision.CaseId), ct);
        Noms = DecisionText.StoredNoms(Decision);
    }
}
