using TumorBoard.Application.Common.Models;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Forms;
using TumorBoard.Web.Pages.Assessments;
using TumorBoard.Web.Shared;

namespace TumorBoard.Web.Pages.Decisions;

/// <summary>
/// The printable decision report of one decision version (DH-3), the letter that goes to the referring physician: the
/// institution's letterhead (<c>Board:Report:*</c>), the patient, the question, the clinical summary, the specialists'
/// scores with their categories, the meeting (in the board's time zone) and who attended, the decision in full, waivers,
/// every member's position with dissent, the signature manifestation (printed name, time, meaning, SHA-256 and whether
/// the stored content still matches it), the amendment and supersession notes, and the follow-up so far with the day
/// each step was done. Print CSS in site.css.
/// </summary>
public sealed class ReportModel(ISender sender, BoardClock clock, LocalTime time, ReportLetterhead letterhead) : PageModel
{
    public DateTimeOffset GeneratedAt { get; private set; }

    public ReportLetterhead Letterhead => letterhead;
    public DecisionView Decision { get; private set; } = null!;
    public GetCase.Result Case { get; private set; } = null!;
    public GetCase.PatientSummary Patient => Case.Patient;
    public GetMeeting.Result Meeting { get; private set; } = null!;
    /// <summary>The specialists' latest submitted assessments with their computed scores, in the board's order.</summary>
    public IReadOnlyList<AssessmentColumn> Assessments { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Decision = await sender.Send(new GetDecision.Query(id), ct);
        Case = await sender.Send(new GetCase.Query(Decision.CaseId), ct);
        Meeting = await sender.Send(new GetMeeting.Query(Decision.MeetingId), ct);
        var list = await sender.Send(new ListAssessments.Query(Decision.CaseId), ct);
        Assessments = [.. AssessmentJson.Disciplines.Select(d => AssessmentColumn.For(d, list))];
        GeneratedAt = clock.UtcNow;
    }

    /// <summary>The NOMS suggestion the board had when the decision was recorded, in one line.</summary>
    public string NomsSuggestion()
    {
        var root = Decision.NomsSuggestion;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("suggestion", out var s) || s.ValueKind != JsonValueKind.Object)
            return "not recorded";
        string Part(string name) => DisplayWords.Code(s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null);
        var complete = s.TryGetProperty("complete", out var c) && c.ValueKind == JsonValueKind.True;
        return $"radiation: {Part("radiation")}; mechanical: {Part("mechanical")}" + (complete ? "" : " (incomplete: not every input was available)");
    }

    /// <summary>The current follow-up of a plan step in one line: status, the day it was done, who recorded it and when.</summary>
    public string FollowUp(int stepNumber)
    {
        var f = Decision.FollowUp.FirstOrDefault(x => x.StepNumber == stepNumber)?.Current;
        return f is null ? Decision.Status switch
            {
                DecisionStatus.Signed => "not recorded yet",
                DecisionStatus.Superseded => "recorded on the current version",
                _ => "—",
            }
            : DisplayWords.Of(f.Status) + (f.PerformedOn is { } done ? $" on {done:yyyy-MM-dd}" : "")
              + (f.Reason is { } r ? $" ({DisplayWords.InSentence(r)})" : "");
    }

    /// <summary>Every follow-up record of the decision, oldest first, with its plan step.</summary>
    public IEnumerable<(int Step, string Treatment, FollowUpView Record)> FollowUpRecords =>
        Decision.FollowUp.SelectMany(s => s.History.Select(h => (s.StepNumber, DisplayWords.Of(s.Step.Kind), h)))
            .OrderBy(x => x.h.RecordedAt);

    /// <summary>"Tue 2026-12-01 14:00 (Europe/Zurich)".</summary>
    public string Local(DateTimeOffset utc) => time.Show(utc);
}
