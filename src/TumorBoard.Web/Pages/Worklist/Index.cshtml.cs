using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Meetings;

namespace TumorBoard.Web.Pages.Worklist;

/// <summary>The specialist's worklist (GetSpecialistWorklist checks the role).</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public GetSpecialistWorklist.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await sender.Send(new GetSpecialistWorklist.Query(), ct);

    /// <summary>The page of the specialist's assessment form (the board's three disciplines have one), linked per case.</summary>
    public string? FormPage => Result.Discipline is { } d && Quorum.Required.Contains(d) ? $"/Assessments/{d}" : null;
}
