using Mediator;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;

namespace TumorBoard.Web.Pages.FollowUps;

/// <summary>The decisions the signed-in clinician is responsible for following up (ListMyFollowUps checks the role).</summary>
public sealed class MineModel(ISender sender) : FollowUpListPage(sender)
{
    [BindProperty(SupportsGet = true)] public bool IncludeCompleted { get; set; }

    protected override IQuery<Paged<FollowUpRow>> Query(int page) =>
        new ListMyFollowUps.Query { Page = page, IncludeCompleted = IncludeCompleted };

    protected override object RouteValues(int page) => new { IncludeCompleted, PageNumber = page };

    public override FollowUpTable Table => new(Result.Items, "my-follow-ups", "mine-heading", ShowClinician: false);
}
