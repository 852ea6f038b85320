using PdfSharp.Drawing;
using PdfSharp.Pdf;
using TumorBoard.Web.Forms;
using static TumorBoard.Web.Reports.PdfLayout;

namespace TumorBoard.Web.Reports;

/// <summary>
/// The decision report (<see cref="DecisionReport"/>) as a PDF for the referring physician (issue #13, part 2): A4, the
/// same sections in the same order as the printable page, the patient's name, MRN, date of birth and the decision version
/// on every page, "Page n of m" in the footer, DejaVu Sans embedded (<see cref="ReportFonts"/>), times in the board's zone
/// with the zone named, and the PDF/A-2b identification (<see cref="PdfArchive"/>). Rendered on the server with PDFsharp;
/// no browser, no external service.
/// </summary>
public sealed class DecisionReportPdf(LocalTime time)
{
    public const string MediaType = "application/pdf";

    public static string FileName(DecisionReport report) =>
        $"decision-{report.Patient.Mrn}-v{report.Decision.Number}.pdf".Replace(' ', '-');

    public byte[] Render(DecisionReport r, string? requestedBy)
    {
        ReportFonts.EnsureInstalled();
        using var document = new PdfDocument();
        var T = r.T;
        document.Info.Title = T["{0}: {1}, MRN {2}", r.Title, r.PatientName, r.Patient.Mrn];
        document.Info.Author = r.Letterhead.BoardName;
        document.Info.Subject = T["Tumor board decision for {0} (MRN {1}), version {2}, {3}", r.PatientName, r.Patient.Mrn, r.Decision.Number, r.Status];
        document.Info.Creator = PdfArchive.Creator;
        document.Info.CreationDate = r.GeneratedAt.LocalDateTime;
        document.Info.ModificationDate = r.GeneratedAt.LocalDateTime;
        document.PageLayout = PdfPageLayout.SinglePage;
        document.Language = r.Language;

        using (var layout = new PdfLayout(document))
            WriteBody(layout, r, requestedBy);
        RunningHeadAndFoot(document, r);
        PdfArchive.AddOutputIntent(document);

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        var pdf = output.ToArray();
        PdfArchive.DeclarePdfA2b(pdf);   // PDFsharp's own packet, with the PDF/A-2b identification added in place
        return pdf;
    }

    void WriteBody(PdfLayout pdf, DecisionReport r, string? requestedBy)
    {
        var d = r.Decision;
        var T = r.T;
        Letterhead(pdf, r);
        pdf.Paragraph($"{r.Title} ({r.Status})", Title, after: 6);
        pdf.Facts(
        [
            (T["Patient"], r.PatientLine), (T["MRN"], r.Patient.Mrn), (T["Date of birth"], r.DateOfBirth), (T["Referring clinician"], r.ReferringClinician),
            (T["Meeting"], d.MeetingStartsAt is { } startsAt
                ? $"{d.MeetingTitle}, {time.Show(startsAt)}{(r.MeetingLocation is { } where ? $", {where}" : "")}"
                : r.EmergencyPlanMeeting),
            (T["Chair"], r.ChairName), (T["Recorded"], $"{time.Show(d.CreatedAt)} {T["by {0}", d.CreatedByName]}"),
        ]);
        if (r.IsDraft) pdf.Paragraph(r.DraftNote, BodyBold, Warning);
        if (r.AmendmentReason is { } reason)
            pdf.Paragraph($"{T["This version amends"]} {T["version {0}", d.AmendsNumber ?? 0]}. {T["Reason for the amendment: {0}", reason]}", Body);
        if (d.SupersededById is not null)
            pdf.Paragraph($"{T["Superseded by"]} {T["version {0}", d.SupersededByNumber ?? 0]} {T["on"]} {time.Show(d.SupersededAt!.Value)}. {r.SupersededTail}",
                BodyBold, Warning);

        pdf.SectionHeading(T["Question for the board"]);
        pdf.Paragraph(r.ClinicalQuestion);

        pdf.SectionHeading(T["Clinical summary"]);
        pdf.Facts(
        [
            (T["Histology"], r.Histology), (T["Spinal lesions"], r.Levels), (T["Neurology"], r.Neurology), (T["Performance status"], r.Performance),
            (T["Extent of disease"], r.Extent), (T["Systemic therapy"], r.SystemicTherapy), (T["Prior spinal radiotherapy"], r.PriorRadiotherapy),
        ]);

        pdf.SectionHeading(T["Scores from the specialists' assessments"]);
        foreach (var col in r.Assessments)
        {
            pdf.SubHeading(col.Title);
            if (col.Content is null) pdf.Paragraph(T["No submitted assessment."], color: Muted);
            else if (col.Scores.Count == 0) pdf.Paragraph(T["No computed scores."], color: Muted);
            else pdf.Facts(col.Scores.Select(f => (f.Label, f.Value)));
        }

        pdf.SectionHeading(T["Board members present"]);
        if (r.Attendees.Count == 0) pdf.Paragraph(T["No attendance was recorded."], color: Muted);
        foreach (var a in r.Attendees) pdf.Paragraph($"• {a}", after: 1);

        pdf.SectionHeading(T["Outcome"]);
        pdf.Paragraph(r.Outcome, BodyBold, keepWithNext: true);
        if (r.AsksForInformation) pdf.Facts([(T["Information needed"], r.InformationNeeded), (T["Details"], r.InformationNeededDetails)]);
        if (r.Plan.Count > 0)
            pdf.Table([30, 76, 56, 38, 50, 62, 85, 86],
                [T["Step"], T["Treatment"], T["Target levels"], T["Dose (Gy)"], T["Fractions"], T["Timing"], T["Details"], T["Follow-up"]],
                r.Plan.Select(s => new[] { s.Number.ToString(), s.Treatment, s.TargetLevels, s.DoseGy, s.Fractions, s.Timing, s.Details, s.FollowUp }));

        pdf.SectionHeading(T["Reasons"]);
        pdf.Facts(
        [
            (T["Intent"], r.Intent), (T["Rationale"], r.Rationale), (T["Concordance with the NOMS suggestion"], r.Concordance),
            (T["NOMS suggestion at the time"], r.NomsSuggestion), (T["Patient preferences"], r.PatientPreferences),
            (T["Responsible clinician"], r.ResponsibleClinician), (T["Follow-up date"], r.FollowUpDate),
        ]);

        if (r.Waivers.Count > 0)
        {
            pdf.SectionHeading(T["Waived assessments"]);
            pdf.Table([90, 200, 90, 110], [T["Discipline"], T["Reason"], T["Waived by"], T["When"]],
                r.Waivers.Select(w => new[] { w.Discipline, w.Reason, w.WaivedBy, time.Show(w.WaivedAt) }));
        }

        pdf.SectionHeading(T["Positions of the board members"]);
        if (r.HasDissent) pdf.Paragraph(T["Dissent recorded: at least one member disagreed with this decision."], BodyBold, Warning);
        if (r.Positions.Count == 0) pdf.Paragraph(T["No positions were recorded."], color: Muted);
        else
        {
            var positions = r.Positions;
            pdf.Table([90, 80, 80, 140, 100], [T["Member"], T["Discipline"], T["Position"], T["Reason or comment"], T["When"]],
                positions.Select(p => new[] { p.Member, p.Discipline, p.Position, p.Text, time.Show(p.RecordedAt) }),
                marked: i => positions[i].Dissent);
        }

        pdf.SectionHeading(T["Signature"]);
        if (r.Signature is { } sig)
            pdf.Facts(
            [
                (T["Signed by"], sig.PrintedName), (T["Date and time"], time.ShowSeconds(sig.SignedAt)), (T["Meaning"], sig.Meaning),
                (T["SHA-256 of the signed record"], sig.ContentHash), (T["Integrity"], r.Integrity(sig)),
            ]);
        else pdf.Paragraph(T["Not signed."], BodyBold);
        if (r.IsEmergencyPlan)
        {
            pdf.Paragraph(T["{0}: signatures by discipline", r.EmergencyPlanWords], BodyBold);
            if (r.EmergencySignatures.Count == 0) pdf.Paragraph(T["No discipline has signed yet."], color: Muted);
            foreach (var s in r.EmergencySignatures) pdf.Paragraph($"• {s.Signer}, {s.Discipline}, {time.ShowSeconds(s.SignedAt)}", after: 1);
        }

        pdf.SectionHeading(T["Follow-up so far"]);
        if (r.FollowUpRecords.Count == 0) pdf.Paragraph(T["Nothing has been recorded yet."], color: Muted);
        else
            pdf.Table([28, 80, 170, 70, 130], [T["Step"], T["Treatment"], T["What was done"], T["Date performed"], T["Recorded by"]],
                r.FollowUpRecords.Select(f => new[] { f.Step.ToString(), f.Treatment, f.WhatWasDone, f.PerformedOn, $"{f.RecordedBy}, {time.Show(f.RecordedAt)}" }));

        pdf.Space(6);
        pdf.Paragraph(requestedBy is null ? T["Report generated {0} from the TumorBoard record.", time.Show(r.GeneratedAt)]
                : T["Report generated {0} for {1} from the TumorBoard record.", time.Show(r.GeneratedAt), requestedBy],
            Small, Muted);
    }

    static void Letterhead(PdfLayout pdf, DecisionReport r)
    {
        var lh = r.Letterhead;
        var logoBottom = 0.0;
        if (PdfArchive.Logo(lh.LogoDataUri) is { } logo)
        {
            using (logo)
            {
                // at most 46 pt high and 140 pt wide, at the right margin, beside the letterhead text
                var scale = Math.Min(46.0 / Math.Max(1, logo.PixelHeight), 140.0 / Math.Max(1, logo.PixelWidth));
                var (width, height) = (logo.PixelWidth * scale, logo.PixelHeight * scale);
                pdf.Graphics.DrawImage(logo, Left + Width - width, pdf.Y, width, height);
                logoBottom = pdf.Y + height;
            }
        }
        pdf.Paragraph(lh.BoardName, Heading, after: 1);
        if (lh.Institution is { } institution) pdf.Paragraph(institution, Body, after: 1);
        foreach (var line in lh.AddressLines) pdf.Paragraph(line, Body, Muted, after: 0);
        if (lh.Contact is { } contact) pdf.Paragraph(contact, Body, Muted, after: 0);
        pdf.Below(logoBottom);
        pdf.Space(10);
    }

    /// <summary>The patient, MRN, date of birth and version at the top of every page; the board and "Page n of m" at the foot.</summary>
    void RunningHeadAndFoot(PdfDocument document, DecisionReport r)
    {
        var count = document.PageCount;
        var ink = new XSolidBrush(Ink);
        var muted = new XSolidBrush(Muted);
        var pen = new XPen(Rule, 0.5);
        var T = r.T;
        var head = T["{0} · MRN {1} · born {2}", r.PatientName, r.Patient.Mrn, r.DateOfBirth];
        var version = T["Decision version {0} · {1}", r.Decision.Number, r.Status] + (r.IsDraft ? T[" (not signed)"] : "");
        for (var i = 0; i < count; i++)
        {
            using var g = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var top = 34.0;
            g.DrawString(head, SmallBold, ink, new XRect(Left, top, Width, 12), XStringFormats.TopLeft);
            g.DrawString(version, r.IsDraft ? SmallBold : Small, r.IsDraft ? new XSolidBrush(Warning) : ink,
                new XRect(Left, top, Width, 12), XStringFormats.TopRight);
            g.DrawLine(pen, Left, top + 14, Left + Width, top + 14);

            var foot = PageHeight - 42;
            g.DrawLine(pen, Left, foot - 4, Left + Width, foot - 4);
            g.DrawString(T["{0} · generated {1}", r.Letterhead.BoardName, time.Show(r.GeneratedAt)], Small, muted,
                new XRect(Left, foot, Width, 12), XStringFormats.TopLeft);
            g.DrawString(T["Page {0} of {1}", i + 1, count], Small, ink, new XRect(Left, foot, Width, 12), XStringFormats.TopRight);
        }
    }
}
