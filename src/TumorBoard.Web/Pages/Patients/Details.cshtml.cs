using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Patients;

namespace TumorBoard.Web.Pages.Patients;

public sealed class DetailsModel(ISender sender) : PageModel
{
    public GetPatient.Result Patient { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Patient = await sender.Send(new GetPatient.Query(id), ct);
}
