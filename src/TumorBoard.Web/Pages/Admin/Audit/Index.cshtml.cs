using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Audit;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Errors;
using TumorBoard.Web.Forms;

namespace TumorBoard.Web.Pages.Admin.Audit;

/// <summary>The audit trail (ListAuditEntries): who read or changed which record, when; filtered by a GET form.</summary>
[Authorize(Roles = Roles.Administrator)]   // comfort: the pipeline is the guard
public sealed class IndexModel(ISender sender, IOptions<BoardOptions> board) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public string? Operation { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ActorId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    // From the query string only: the route values carry a "page" of their own (this page's path), and win otherwise.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<ListAuditEntries.Row> Entries { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public BoardOptions Board => board.Value;

    // The query's messages go under the filter fields, which carry the query's property names.
    string IFormPage.ModelPrefix => "";
    public Task OnFormRejectedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return;   // an actor id or a day that does not parse: its message shows under the field
        Entries = await sender.Send(new ListAuditEntries.Query
        {
            Operation = Operation, EntityType = EntityType, EntityId = EntityId, ActorId = ActorId, From = From, To = To,
            Page = PageNumber,
        }, ct);
    }

    public string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";


    // Built by hand: "page" is the Razor Pages route value naming the page itself, so Url.Page cannot carry it.
    public string PageLink(int page) => Link(("Operation", Operation), ("EntityType", EntityType), ("EntityId", EntityId),
        ("ActorId", ActorId?.ToString()), ("From", Day(From)), ("To", Day(To)), ("page", page.ToString(CultureInfo.InvariantCulture)));

    public static string ActorLink(Guid actorId) => Link(("ActorId", actorId.ToString()));

    /// <summary>A record type's English words, the key of its page text ("TumorBoardCase" → "Case"); a type the board did
    /// not name is shown as stored.</summary>
    public static string EntityWords(string entityType) => entityType switch
    {
        "TumorBoardCase" => "Case", "Assessment" => "Assessment", "BoardDecision" => "Decision", "Meeting" => "Meeting",
        "AgendaItem" => "Agenda item", "Patient" => "Patient", "AppUser" => "Account", "PatientLetter" => "Patient letter",
        "ReportDispatch" => "Report dispatch", "AuditCheckpoint" => "Audit checkpoint",
        _ => entityType,
    };

    public static string RecordLink(string entityType, string entityId) => Link(("EntityType", entityType), ("EntityId", entityId));

    static string Link(params (string Name, string? Value)[] values) => QueryHelpers.AddQueryString("/Admin/Audit",
        values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)));
}
