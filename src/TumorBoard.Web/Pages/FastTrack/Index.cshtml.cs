using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.FastTrack;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Pages.FollowUps;

namespace TumorBoard.Web.Pages.FastTrack;

/// <summary>The MSCC fast-track worklist (GetFastTrackWorklist checks the role: coordinators, specialists, clinicians).</summary>
public sealed class IndexModel(ISender sender) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public Paged<GetFastTrackWorklist.Row> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await sender.Send(new GetFastTrackWorklist.Query { Cursor = Cursor }, ct);

    public FollowUpPager Pager => new(Result.Page, Math.Max(1, Result.TotalPages),
        Result.Previous is { } p ? Url.Page(null, new { cursor = p }) : null,
        Result.Next is { } n ? Url.Page(null, new { cursor = n }) : null);
}
