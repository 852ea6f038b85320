using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Pages.Cases;

public sealed class IndexModel(ISender sender, IStringLocalizer<Ui> T) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public CaseStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Urgency? Urgency { get; set; }
    [BindProperty(SupportsGet = true)] public PrimaryHistology? Histology { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    /// <summary>The next or previous page's cursor (the list's Next/Previous links); the page number when absent.</summary>
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public Paged<ListCases.Row> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    // A filter the query refuses (control characters, a page out of range): an empty list, the message under the field.
    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken ct) => Result = await sender.Send(new ListCases.Query
    {
        Status = Status, Urgency = Urgency, Histology = Histology, Text = Text,
        Page = string.IsNullOrEmpty(Cursor) ? Math.Max(1, PageNumber) : null, Cursor = string.IsNullOrEmpty(Cursor) ? null : Cursor,
    }, ct);

    /// <summary>Next and previous follow the list's cursors: a deep page costs what the first one does.</summary>
    public string? NextLink => Result.Next is { } next ? CursorLink(next) : null;
    public string? PreviousLink => Result.Previous is { } previous ? CursorLink(previous)
        : Result.Page > 1 ? Url.Page("/Cases/Index", new { Status, Urgency, Histology, Text, PageNumber = Result.Page - 1 }) : null;

    string CursorLink(string cursor) => Url.Page("/Cases/Index", new { Status, Urgency, Histology, Text, Cursor = cursor })!;

    /// <summary>"1,000+ cases" once the list stops counting, else the exact number.</summary>
    public string CountText => Result.TotalIsCapped
        ? T["{0}+ cases", Result.TotalCount.ToString("N0")]
        : Result.TotalCount == 1 ? T["1 case"] : T["{0} cases", Result.TotalCount.ToString("N0")];
}
