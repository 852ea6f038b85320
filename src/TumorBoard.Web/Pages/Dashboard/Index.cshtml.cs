using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Meetings;

namespace TumorBoard.Web.Pages.Dashboard;

/// <summary>The coordinator's worklist (GetCoordinatorDashboard checks the role).</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public GetCoordinatorDashboard.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Result = await sender.Send(new GetCoordinatorDashboard.Query(), ct);
}
