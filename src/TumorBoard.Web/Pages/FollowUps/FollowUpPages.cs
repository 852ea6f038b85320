using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.FollowUps;

/// <summary>What the shared follow-up table (Shared/_FollowUpTable) shows: the rows, the table's id and heading, and
/// whether to show the responsible clinician (not on the clinician's own list).</summary>
public sealed record FollowUpTable(IReadOnlyList<FollowUpRow> Rows, string Id, string LabelledBy, bool ShowClinician);

/// <summary>Previous / next links of a paged list (Shared/_FollowUpPager).</summary>
public sealed record FollowUpPager(int Page, int TotalPages, string? Previous, string? Next);

/// <summary>A paged follow-up list page: the query decides who may see it (403 through the page filter).</summary>
public abstract class FollowUpListPage(ISender sender) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<FollowUpRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    // A filter the query refuses (control characters, a page out of range): an empty list, the message under the field.
    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    protected abstract IQuery<Paged<FollowUpRow>> Query(int page);

    /// <summary>The route values of this list at <paramref name="page"/> (its filters and the page number).</summary>
    protected abstract object RouteValues(int page);

    /// <summary>The table's id, the id of the heading naming it and whether it shows the responsible clinician (what to
    /// say when the list is empty is the page's own sentence).</summary>
    public abstract FollowUpTable Table { get; }

    public async Task OnGetAsync(CancellationToken ct) => Result = await sender.Send(Query(Math.Max(1, PageNumber)), ct);

    public FollowUpPager Pager => new(Result.Page, Math.Max(1, Result.TotalPages),
        Result.HasPrevious ? Url.Page(null, RouteValues(Result.Page - 1)) : null,
        Result.HasNext ? Url.Page(null, RouteValues(Result.Page + 1)) : null);
}

/// <summary>The badge of a follow-up status; its words come from DisplayWords like every other label.</summary>
public static class FollowUpBadge
{
    /// <summary>A CSS class for a follow-up status badge ("fu-partiallyimplemented"); "fu-open" when nothing is recorded.</summary>
    public static string Css<T>(T? status) where T : struct, Enum => "fu-" + (status?.ToString().ToLowerInvariant() ?? "open");
}
