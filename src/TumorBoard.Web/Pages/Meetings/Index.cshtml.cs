using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Meetings;

public sealed class IndexModel(ISender sender, IOptions<BoardOptions> board) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public bool Past { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<ListMeetings.Row> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    // A filter the query refuses (control characters, a page out of range): an empty list, the message under the field.
    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;
    public BoardOptions Board => board.Value;

    public async Task OnGetAsync(CancellationToken ct) => Result = await sender.Send(new ListMeetings.Query
    {
        IncludePast = Past ? true : null, Page = Math.Max(1, PageNumber),
    }, ct);

    public string PageLink(int page) => Url.Page("/Meetings/Index", new { Past = Past ? true : (bool?)null, PageNumber = page })!;
}
