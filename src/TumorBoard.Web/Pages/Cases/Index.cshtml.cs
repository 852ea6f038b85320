using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Cases;

public sealed class IndexModel(ISender sender) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Urgency? Urgency { get; set; }
    [BindProperty(SupportsGet = true)] public PrimaryHistology? Histology { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<ListCases.Row> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    // A filter the query refuses (control characters, a page out of range): an empty list, the message under the field.
    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken ct) => Result = await sender.Send(new ListCases.Query
    {
        Status = Status, Urgency = Urgency, Histology = Histology, Text = Text, Page = Math.Max(1, PageNumber),
    }, ct);

    public string PageLink(int page) => Url.Page("/Cases/Index", new { Status, Urgency, Histology, Text, PageNumber = page })!;
}
