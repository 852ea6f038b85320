using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Admin.Accounts;

[Authorize(Roles = Roles.Administrator)]   // comfort: the pipeline is the guard
public sealed class IndexModel(ISender sender) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    // From the query string only: the route values carry a "page" of their own (this page's path), and win otherwise.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<ListAccounts.Row> Accounts { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    // A filter the query refuses (control characters, a page out of range): an empty list, the message under the field.
    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken ct) =>
        Accounts = await sender.Send(new ListAccounts.Query { Text = Text, Page = PageNumber }, ct);
}
