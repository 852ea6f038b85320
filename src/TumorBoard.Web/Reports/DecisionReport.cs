using System.Globalization;
using System.Text.Json;
using Mediator;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Forms;
using TumorBoard.Web.Pages.Assessments;
using TumorBoard.Web.Shared;
using Microsoft.Extensions.Localization;
using TumorBoard.Web.Texts;

namespace TumorBoard.Web.Reports;

/// <summary>
/// The decision report of one decision version (DH-3) in words: the letter to the referring physician as both the
/// printable page (Pages/Decisions/Report) and the PDF (<see cref="DecisionReportPdf"/>) show it. Every rule of what the
/// report says lives here once; the two renderers only lay it out. Instants stay instants: the page writes them as
/// <c>time</c> elements, the PDF as text, both in the board's zone with the zone named (<see cref="LocalTime"/>).
/// </summary>
public sealed class DecisionReport
{
    public required ReportLetterhead Letterhead { get; init; }
    public required DecisionView Decision { get; init; }
    public required GetCase.Result Case { get; init; }
    /// <summary>The meeting that made the decision; null for an emergency plan outside a meeting.</summary>
    public required GetMeeting.Result? Meeting { get; init; }
    /// <summary>The specialists' latest submitted assessments with their computed scores, in the board's order.</summary>
    public required IReadOnlyList<AssessmentColumn> Assessments { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    /// <summary>The report's fixed words in the request's language (the page's and the PDF's; English for the API).</summary>
    public IStringLocalizer<Ui> T { get; init; } = EnglishTexts.Instance;
    /// <summary>The language the report is written in (the PDF's /Lang).</summary>
    public string Language { get; init; } = "en";

    public GetCase.PatientSummary Patient => Case.Patient;
    CaseDetails Details => Case.Details;
    DecisionContent Content => Decision.Content;

    /// <summary>Reads the report of a decision version through the same queries, role checks and read log as every decision read.</summary>
    public static async Task<DecisionReport> ReadAsync(ISender sender, BoardClock clock, ReportLetterhead letterhead, Guid decisionId, CancellationToken ct,
        IStringLocalizer<Ui>? texts = null)
    {
        var decision = await sender.Send(new GetDecision.Query(decisionId), ct);
        var tumorCase = await sender.Send(new GetCase.Query(decision.CaseId), ct);
        var meeting = decision.MeetingId is { } meetingId ? await sender.Send(new GetMeeting.Query(meetingId), ct) : null;
        var list = await sender.Send(new ListAssessments.Query(decision.CaseId), ct);
        return new DecisionReport
        {
            Letterhead = letterhead, Decision = decision, Case = tumorCase, Meeting = meeting,
            Assessments = [.. AssessmentJson.Disciplines.Select(d => AssessmentColumn.For(d, list))],
            GeneratedAt = clock.UtcNow,
            T = texts ?? EnglishTexts.Instance,
            Language = texts is null ? "en" : CultureInfo.CurrentUICulture.Name,
        };
    }

    public string EmergencyPlanWords => T["Emergency plan outside a meeting"];
    public bool IsEmergencyPlan => Decision.Kind == DecisionKind.EmergencyPlan;
    public string Title => IsEmergencyPlan ? T["Emergency plan outside a meeting, version {0}", Decision.Number] : T["Tumor board decision, version {0}", Decision.Number];
    /// <summary>The meeting line's words for an emergency plan (it has no meeting; the next board reviews it).</summary>
    public string EmergencyPlanMeeting => T["Emergency plan outside a meeting (P1 emergency); listed for review at the next board"];
    public string ChairName => Meeting?.ChairName ?? T["— (signed by neurosurgery and radiation oncology)"];
    /// <summary>An emergency plan's signatures: "Name, discipline".</summary>
    public IReadOnlyList<(string Signer, string Discipline, DateTimeOffset SignedAt)> EmergencySignatures =>
        [.. Decision.EmergencySignatures.Select(s => (s.PrintedName, DisplayWords.Local(s.Discipline), s.SignedAt))];
    public string Status => DisplayWords.Local(Decision.Status);
    public bool IsDraft => Decision.Status == DecisionStatus.Draft;
    public string PatientName => $"{Patient.FamilyName}, {Patient.GivenName}";
    public string PatientLine => $"{PatientName} ({DisplayWords.Local(Patient.Sex)})";
    public string DateOfBirth => Day(Patient.DateOfBirth);
    public string ReferringClinician => Details.ReferringClinician ?? "—";
    public string? MeetingLocation => Meeting?.Location;
    public string ClinicalQuestion => Details.ClinicalQuestion;

    public string Histology => DisplayWords.Local(Details.Histology) + (Details.HistologyOtherText is null ? "" : $": {Details.HistologyOtherText}")
        + (Details.DiagnosisDate is { } dx ? T[", diagnosed {0}", Day(dx)] : "");

    public string Levels => Details.Lesions.Count == 0 ? T["none recorded"] : string.Join("; ", Details.Lesions.Select(l =>
        T["{0} ({1}; imaging {2})", l.Levels, string.Join(", ", l.Compartments.Select(x => DisplayWords.LocalInSentence(x))), Day(l.ImagingDate)].Value));

    public string Neurology => T["Frankel {0}, ASIA {1}, myelopathy {2}; pain: {3}", Details.Frankel?.ToString() ?? "—", Details.Asia?.ToString() ?? "—",
            YesNo(Details.Myelopathy), Details.Pain is { } pain ? DisplayWords.LocalInSentence(pain) : DisplayWords.NotRecorded]
        + (Details.SymptomOnsetDate is { } onset ? T["; symptoms since {0}", Day(onset)] : "");

    /// <summary>"yes", "no" or "—" inside a sentence.</summary>
    string YesNo(bool? value) => value switch { true => T["yes|in a sentence"], false => T["no|in a sentence"], null => DisplayWords.NotRecorded };

    public string Performance => $"ECOG {Details.Ecog?.ToString() ?? "—"}, Karnofsky {(Details.Karnofsky is { } kps ? $"{kps} %" : "—")}";

    public string Extent => T["extraspinal bone metastases: {0}; visceral metastases: {1}; brain metastases: {2}",
        Details.ExtraspinalBoneMetastases?.ToString() ?? "—",
        Details.VisceralMetastases is { } visceral ? DisplayWords.LocalInSentence(visceral) : DisplayWords.NotRecorded, YesNo(Details.BrainMetastases)];

    public string SystemicTherapy => Details.CurrentSystemicTherapy ?? "—";

    public string PriorRadiotherapy => Details.PriorRadiotherapy.Count == 0 ? T["none recorded"] : string.Join("; ", Details.PriorRadiotherapy.Select(r =>
        T["{0}: {1} Gy in {2} fractions, ended {3}", r.LevelFrom == r.LevelTo ? r.LevelFrom.ToString() : $"{r.LevelFrom}-{r.LevelTo}", r.TotalDoseGy, r.Fractions, Day(r.EndDate)].Value));

    /// <summary>"Name, discipline (chair)", disciplines first in the board's order, then by name.</summary>
    public IReadOnlyList<string> Attendees => Meeting is null ? [] : [.. Meeting.Attendees
        .OrderBy(a => a.Discipline is null).ThenBy(a => a.Discipline).ThenBy(a => a.Name)
        .Select(a => $"{a.Name}, {(a.Discipline is { } d ? DisplayWords.LocalInSentence(d) : T["no discipline"])}{(a.UserId == Meeting.ChairId ? T[" (chair)"] : "")}")];

    public string Outcome => DisplayWords.Local(Content.Outcome);
    public bool AsksForInformation => Content.Rules.AsksForInformation;
    public string InformationNeeded => string.Join(", ", Content.InformationNeeded.Select(i => DisplayWords.Local(i)));
    public string InformationNeededDetails => Content.InformationNeededDetails ?? "—";

    public sealed record PlanRow(int Number, string Treatment, string TargetLevels, string DoseGy, string Fractions, string Timing,
        string Details, string FollowUp);

    /// <summary>The ordered plan steps with the current follow-up of each.</summary>
    public IReadOnlyList<PlanRow> Plan => [.. Content.Plan.Select((s, i) => new PlanRow(i + 1, DisplayWords.Local(s.Kind),
        s.TargetLevels.Count > 0 ? string.Join(", ", s.TargetLevels) : "—", s.DoseGy?.ToString("0.##", CultureInfo.CurrentCulture) ?? "—",
        s.Fractions?.ToString(CultureInfo.CurrentCulture) ?? "—", DisplayWords.Local(s.Timing), s.Details ?? "—", FollowUp(i + 1)))];

    public string Intent => DisplayWords.Local(Content.Intent);
    public string Rationale => Content.Rationale;
    public string Concordance => DisplayWords.Local(Content.NomsConcordance, T["Not assessable: the NOMS suggestion was incomplete"]) + (Content.DiscordanceReason is { } r ? $": {DisplayWords.Local(r)}" : "")
        + (Content.DiscordanceText is { } t ? $". {t}" : "");
    public string PatientPreferences => Content.PatientPreferencesNotAvailable
        ? T["Not available: {0}", Content.PatientPreferencesNotAvailableReason ?? ""] : Content.PatientPreferences ?? "—";
    public string ResponsibleClinician => Decision.ResponsibleClinicianName ?? "—";
    public string FollowUpDate => (Content.FollowUpDate is { } f ? Day(f) : "—") + (Decision.FollowUpOverdue ? T[" (overdue)"] : "");

    /// <summary>The NOMS suggestion the board had when the decision was recorded, in one line.</summary>
    public string NomsSuggestion
    {
        get
        {
            var root = Decision.NomsSuggestion;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("suggestion", out var s) || s.ValueKind != JsonValueKind.Object)
                return T["not recorded|in a sentence"];
            string Part(string name) => DisplayWords.LocalCode(s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null);
            var complete = s.TryGetProperty("complete", out var c) && c.ValueKind == JsonValueKind.True;
            return T["radiation: {0}; mechanical: {1}", Part("radiation"), Part("mechanical")] + (complete ? "" : T[" (incomplete: not every input was available)"]);
        }
    }

    public sealed record WaiverRow(string Discipline, string Reason, string WaivedBy, DateTimeOffset WaivedAt);

    public IReadOnlyList<WaiverRow> Waivers => [.. Decision.Waivers.Select(w => new WaiverRow(DisplayWords.Local(w.Discipline), w.Reason, w.WaivedByName, w.WaivedAt))];

    public sealed record PositionRow(string Member, string Discipline, string Position, string Text, DateTimeOffset RecordedAt, bool Dissent);

    public bool HasDissent => Decision.HasDissent;
    public IReadOnlyList<PositionRow> Positions => [.. Decision.Positions.Select(p => new PositionRow(p.MemberName,
        p.Discipline is { } d ? DisplayWords.Local(d) : "—", DisplayWords.Local(p.Kind) + (p.OnEarlierDraft ? T[", on an earlier draft"] : ""),
        p.Text ?? "—", p.RecordedAt, p.Kind == PositionKind.Disagree))];

    public SignatureView? Signature => Decision.Signature;
    public string Integrity(SignatureView signature) => signature.Intact
        ? T["Intact: the stored decision still matches the signed hash."]
        : T["NOT INTACT: the stored decision no longer matches the signed hash."];

    public string DraftNote => T["Draft, not signed: this is not yet the board's decision."];
    public string? AmendmentReason => Decision.AmendsId is null ? null : Decision.AmendmentReason;
    public string SupersededTail => T["Kept for the record; it is no longer the board's current decision."];

    /// <summary>The current follow-up of a plan step in one line: status and the day it was done, with the reason.</summary>
    public string FollowUp(int stepNumber)
    {
        var f = Decision.FollowUp.FirstOrDefault(x => x.StepNumber == stepNumber)?.Current;
        return f is null ? Decision.Status switch
            {
                DecisionStatus.Signed => T["not recorded yet"],
                DecisionStatus.Superseded => T["recorded on the current version"],
                _ => "—",
            }
            : DisplayWords.Local(f.Status) + (f.PerformedOn is { } done ? T[" on {0}", Day(done)] : "")
              + (f.Reason is { } r ? $" ({DisplayWords.LocalInSentence(r)})" : "");
    }

    public sealed record FollowUpRow(int Step, string Treatment, string WhatWasDone, string PerformedOn, string RecordedBy, DateTimeOffset RecordedAt);

    /// <summary>Every follow-up record of the decision, oldest first, with its plan step.</summary>
    public IReadOnlyList<FollowUpRow> FollowUpRecords => [.. Decision.FollowUp
        .SelectMany(s => s.History.Select(h => (s.StepNumber, Treatment: DisplayWords.Local(s.Step.Kind), h)))
        .OrderBy(x => x.h.RecordedAt)
        .Select(x => new FollowUpRow(x.StepNumber, x.Treatment,
            DisplayWords.Local(x.h.Status) + (x.h.Reason is { } fr ? $" ({DisplayWords.LocalInSentence(fr)}{(x.h.ReasonText is { } frt ? $": {frt}" : "")})" : "")
                + (x.h.Note is { } fn ? $". {fn}" : ""),
            x.h.PerformedOn is { } p ? Day(p) : "—", x.h.RecordedByName, x.h.RecordedAt))];

    /// <summary>ISO in English, Swiss dates in German, French and Italian (as every page writes a day).</summary>
    static string Day(DateOnly d) => BoardTime.Show(d);
}
