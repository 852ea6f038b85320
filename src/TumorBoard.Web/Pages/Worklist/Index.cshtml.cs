using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Meetings;
using Microsoft.Extensions.Localization;
using TumorBoard.Domain.Meetings;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Worklist;

/// <summary>The specialist's worklist (GetSpecialistWorklist checks the role).</summary>
public sealed class IndexModel(ISender sender, IStringLocalizer<Ui> T) : PageModel
{
    public GetSpecialistWorklist.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await sender.Send(new GetSpecialistWorklist.Query(), ct);

    /// <summary>The page of the specialist's assessment form (the board's three disciplines have one), linked per case.</summary>
    /// <summary>"1,000+ due, 3 overdue": the counts stop at the lists' cap (GetSpecialistWorklist.Result).</summary>
    public string CountText => T["{0} due, {1} overdue",
        $"{Result.Total:N0}{(Result.TotalIsCapped ? "+" : "")}", $"{Result.OverdueCount:N0}{(Result.OverdueIsCapped ? "+" : "")}"];

    /// <summary>"The first 200 are listed." when the list shows fewer than are due.</summary>
    public bool ShowsPart => Result.TotalIsCapped || Result.Items.Count < Result.Total;

    public string? FormPage => Result.Discipline is { } d && Quorum.Required.Contains(d) ? $"/Assessments/{d}" : null;
}
