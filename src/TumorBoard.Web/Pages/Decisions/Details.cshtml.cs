using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Fhir;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// One decision version: status and amendment chain, content, NOMS concordance, positions with dissent, the signature
/// manifestation with its integrity check. The position and sign forms post RecordPosition and SignDecision; they show
/// only where GetDecisionActions says they apply, the commands decide.
/// </summary>
public sealed class DetailsModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    string prefix = nameof(Position);

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public RecordPosition.Command Position { get; set; } = new();
    [BindProperty] public SignDecision.Command Sign { get; set; } = new();

    public DecisionView Decision { get; private set; } = null!;
    public GetDecisionActions.Actions Can { get; private set; } = null!;
    public GetCase.Result Case { get; private set; } = null!;
    /// <summary>The NOMS suggestion stored with the decision (as it stood when the draft was last saved).</summary>
    public BoardNomsResult? Noms { get; private set; }
    public PositionView? Mine => Decision.Positions.FirstOrDefault(p => p.MemberId.ToString() == User.FindFirstValue(ClaimTypes.NameIdentifier));

    /// <summary>The signature was refused (403): the sign form is shown with the refusal under the password field.</summary>
    public bool SignRefused { get; private set; }

    public string ModelPrefix => prefix;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Mine is { } mine) Position = Position with { Kind = mine.Kind, Text = mine.Text };
    }

    /// <summary>The FHIR R4 document of this version: the same file as GET /api/v1/decisions/{id}/fhir.</summary>
    public async Task<IActionResult> OnGetFhirAsync(CancellationToken ct)
    {
        var export = await sender.Send(new ExportDecisionFhir.Query(Id), ct);
        Response.Headers.CacheControl = "no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(export.Json), FhirJson.MediaType, export.FileName);
    }

    public async Task<IActionResult> OnPostPositionAsync(CancellationToken ct)
    {
        prefix = nameof(Position);
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        await sender.Send(Position with { DecisionId = Id }, ct);
        TempData["Flash"] = T["Your position is recorded: {0}.", DisplayWords.LocalInSentence(Position.Kind!.Value)].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct)
    {
        prefix = nameof(Sign);
        if (!ModelState.IsValid) return await RedisplayAsync(ct);
        DecisionSaved signed;
        try { signed = await sender.Send(Sign with { DecisionId = Id }, ct); }
        catch (ForbiddenException refused)
        {
            // Posted although the form was not offered (or the chair changed meanwhile): still a 403, but the page says
            // who may sign, under the password field, instead of a bare error page.
            ModelState.AddModelError($"{nameof(Sign)}.{nameof(Sign.Password)}", ExceptionMapping.LocalMessage(refused));
            SignRefused = true;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        TempData["Flash"] = T["Decision version {0} is signed.", signed.Number].Value;
        return RedirectToPage(new { id = Id });
    }

    /// <summary>A position or signature posted from a tab opened while this was a draft, refused because it is signed now.</summary>
    public bool SignedMeanwhile { get; private set; }

    public async Task OnFormRejectedAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Decision.Status == DecisionStatus.Signed && ModelState.TryGetValue(string.Empty, out var top) && top.Errors.Count > 0)
        {
            SignedMeanwhile = true;
            ModelState.Remove(string.Empty);
        }
    }

    async Task<IActionResult> RedisplayAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Decision = await sender.Send(new GetDecision.Query(Id), ct);
        Can = await sender.Send(new GetDecisionActions.Query(Id), ct);
        Case = await sender.Send(new GetCase.Query(Decision.CaseId), ct);
        Noms = DecisionText.StoredNoms(Decision);
    }
}
