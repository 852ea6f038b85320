using TumorBoard.Application.Common.Models;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Common;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The printable decision report of one decision version (DH-3): the case, the meeting, the decision in full, waivers,
/// every member's position with dissent, and the signature manifestation (printed name, UTC time, meaning, SHA-256 and
/// whether the stored content still matches it), with the amendment and supersession notes. Print CSS in site.css.
/// </summary>
public sealed class ReportModel(ISender sender, BoardClock clock) : PageModel
{
    public DateTimeOffset GeneratedAt { get; private set; }

    public DecisionView Decision { get; private set; } = null!;
    public GetCase.PatientSummary Patient { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Decision = await sender.Send(new GetDecision.Query(id), ct);
        Patient = (await sender.Send(new GetCase.Query(Decision.CaseId), ct)).Patient;
        GeneratedAt = clock.UtcNow;
    }

    public static string When(DateTimeOffset at) => Cases.HistoryModel.When(at);

    /// <summary>The NOMS suggestion the board had when the decision was recorded, in one line.</summary>
    public string NomsSuggestion()
    {
        var root = Decision.NomsSuggestion;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("suggestion", out var s) || s.ValueKind != JsonValueKind.Object)
            return "not recorded";
        string Part(string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "—";
        var complete = s.TryGetProperty("complete", out var c) && c.ValueKind == JsonValueKind.True;
        return $"radiation: {Part("radiation")}; mechanical: {Part("mechanical")}" + (complete ? "" : " (incomplete: not every input was available)");
    }

    public string FollowUp(int stepNumber)
    {
        var f = Decision.FollowUp.FirstOrDefault(x => x.StepNumber == stepNumber)?.Current;
        return f is null ? Decision.Status switch
            {
                Domain.Decisions.DecisionStatus.Signed => "not recorded yet",
                Domain.Decisions.DecisionStatus.Superseded => "recorded on the current version",
                _ => "—",
            }
            : $"{DisplayWords.Of(f.Status)}" + (f.Reason is { } r ? $" ({DisplayWords.InSentence(r)})" : "")
              + $", {f.RecordedByName}, {When(f.RecordedAt)} UTC";
    }
}
