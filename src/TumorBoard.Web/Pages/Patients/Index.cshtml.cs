using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Patients;

public sealed class IndexModel(ISender sender) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int PageNumber { get; set; } = 1;
    public Paged<FindPatients.Row> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    // A filter the query refuses (control characters, a page out of range): an empty list, the message under the field.
    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await sender.Send(new FindPatients.Query { Text = Text, Page = Math.Max(1, PageNumber) }, ct);
}
