using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;

namespace TumorBoard.Web.Pages.FollowUps;

/// <summary>The coordinator's overdue follow-ups (ListOverdueFollowUps checks the role).</summary>
public sealed class OverdueModel(ISender sender) : FollowUpListPage(sender)
{
    protected override IQuery<Paged<FollowUpRow>> Query(int page) => new ListOverdueFollowUps.Query { Page = page };

    protected override object RouteValues(int page) => new { PageNumber = page };

    public override FollowUpTable Table => new(Result.Items, "overdue-follow-ups", "overdue-heading", ShowClinician: true);
}
