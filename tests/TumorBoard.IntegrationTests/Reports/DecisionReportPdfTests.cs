using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Forms;
using TumorBoard.Web.Shared;
using Pig = UglyToad.PdfPig.PdfDocument;

namespace TumorBoard.IntegrationTests.Reports;

/// <summary>
/// Issue #13, part 2: the printable decision report as a PDF for the referring physician, on the API and the page route,
/// read back with PdfPig: the content of the report, the patient and version on every page, "Page n of m", the
/// signature manifestation with the hash, dissent, supersession, and who may have it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DecisionReportPdfTests(AppFixture app) : DatabaseTest(app)
{
    static string Api(Guid id) => $"/api/v1/decisions/{id}/report.pdf";

    async Task<byte[]> PdfAsync(string url, string who = AppFixture.Clinician)
    {
        using var client = await app.ClientAsync(who);
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // to look at the rendered reports (pdftoppm): TUMORBOARD_PDF_DUMP=<folder> dotnet test --filter DecisionReportPdfTests
        if (Environment.GetEnvironmentVariable("TUMORBOARD_PDF_DUMP") is { Length: > 0 } folder)
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{url.Split('/')[^2]}.pdf"), bytes);
        return bytes;
    }

    /// <summary>The text of each page; PdfPig joins wrapped lines without a space, so compare with <see cref="Squash"/>.</summary>
    static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = Pig.Open(pdf);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>The words of every page between the running header and the footer (PdfLayout.Top and FooterSpace, in
    /// points from the top and the bottom), in reading order: a paragraph broken across pages reads on without them.</summary>
    static string BodyText(byte[] pdf)
    {
        using var document = Pig.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()
            .Where(w => w.BoundingBox.Top <= p.Height - 80 && w.BoundingBox.Bottom >= 60)
            .Select(w => w.Text)));
    }

    static string Squash(string text) => Regex.Replace(text, @"\s+", "");

    static void ShouldSay(string text, string expected) =>
        Squash(text).ShouldContain(Squash(expected), Case.Sensitive, $"the PDF does not say \"{expected}\"");

    async Task<GetCase.PatientSummary> PatientAsync(Guid caseId) => (await app.Send(AppFixture.Clinician, new GetCase.Query(caseId))).Patient;

    LocalTime Time => app.App.Services.GetRequiredService<LocalTime>();

    [Fact]
    public async Task The_pdf_has_the_report_content_and_the_patient_and_version_on_every_page()
    {
        var life = await LifecycleTestData.FullAsync(app);
        var view = await app.Send(AppFixture.Clinician, new GetDecision.Query(life.Amendment));
        var patient = await PatientAsync(life.Board.CaseId);

        var pages = Pages(await PdfAsync(Api(life.Amendment)));
        var all = string.Concat(pages);

        for (var i = 0; i < pages.Count; i++)
        {
            ShouldSay(pages[i], $"{patient.FamilyName}, {patient.GivenName}");
            ShouldSay(pages[i], $"MRN {patient.Mrn}");
            ShouldSay(pages[i], $"born {patient.DateOfBirth:yyyy-MM-dd}");
            ShouldSay(pages[i], "Decision version 2");
            ShouldSay(pages[i], $"Page {i + 1} of {pages.Count}");
        }
        ShouldSay(all, app.App.Services.GetRequiredService<ReportLetterhead>().BoardName);
        ShouldSay(all, "T11-T12");   // the case's lesions
        ShouldSay(all, "SINS");
        ShouldSay(all, "Tokuhashi");
        ShouldSay(all, "neurosurgery (chair)");
        ShouldSay(all, "Separation surgery");
        ShouldSay(all, "SBRT/SRS");
        Squash(all).IndexOf("Separationsurgery", StringComparison.Ordinal)
            .ShouldBeLessThan(Squash(all).IndexOf("SBRT/SRS", StringComparison.Ordinal), "the plan steps are in their order");
        ShouldSay(all, "This version amends version 1. Reason for the amendment: The pathology report arrived after the meeting.");
        ShouldSay(all, "Pathology confirmed renal cell carcinoma.");
        var signature = view.Signature!;
        ShouldSay(all, $"Signed by {signature.PrintedName}");
        ShouldSay(all, $"Date and time {Time.ShowSeconds(signature.SignedAt)}");
        ShouldSay(all, "(Europe/Zurich)");
        ShouldSay(all, signature.ContentHash);
        ShouldSay(all, "Intact: the stored decision still matches the signed hash.");
        ShouldSay(all, "Not implemented (patient's wish)");   // the follow-up so far
        all.ShouldNotContain("NotImplemented", Case.Sensitive);   // words, never enum names
        all.ShouldNotContain("SeparationSurgery", Case.Sensitive);
        all.ShouldNotContain("Superseded by", Case.Sensitive);
    }

    [Fact]
    public async Task A_superseded_version_says_so_and_shows_its_dissent_and_follow_up_with_the_day_performed()
    {
        var life = await LifecycleTestData.FullAsync(app);
        var today = app.App.Services.GetRequiredService<TumorBoard.Application.Common.Models.BoardClock>().Today;

        var all = string.Concat(Pages(await PdfAsync(Api(life.Original), AppFixture.Coordinator)));

        ShouldSay(all, "Superseded by version 2 on");
        ShouldSay(all, "Decision version 1 · Superseded");
        ShouldSay(all, "Dissent recorded: at least one member disagreed with this decision.");
        ShouldSay(all, "Systemic therapy first would spare the surgery.");
        ShouldSay(all, "Decompression T5.");
        ShouldSay(all, today.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task A_long_rationale_runs_over_several_pages_each_numbered_and_headed_with_the_patient()
    {
        var board = await DecisionTestData.BoardAsync(app);
        var sentence = "The board weighed the neurological status, the stability of the spine and the expected survival at length. ";
        var rationale = string.Concat(Enumerable.Repeat(sentence, DecisionContent.TextMaxLength / sentence.Length));
        var content = await DecisionTestData.ContentAsync(app) with { Rationale = rationale, PatientPreferences = rationale[..1000] };
        var draft = await DecisionTestData.RecordAsync(app, board, content);
        var patient = await PatientAsync(board.CaseId);

        var pages = Pages(await PdfAsync(Api(draft.Id)));

        pages.Count.ShouldBeGreaterThan(1);
        for (var i = 0; i < pages.Count; i++)
        {
            ShouldSay(pages[i], $"Page {i + 1} of {pages.Count}");
            ShouldSay(pages[i], $"MRN {patient.Mrn}");
            ShouldSay(pages[i], "Decision version 1 · Draft (not signed)");
        }
        ShouldSay(BodyText(await PdfAsync(Api(draft.Id))), rationale);   // every line of it, none lost at a page break
        ShouldSay(string.Concat(pages), "Draft, not signed: this is not yet the board's decision.");
        ShouldSay(string.Concat(pages), "Not signed.");
    }

    [Fact]
    public async Task The_document_names_its_title_author_and_creation_date_embeds_its_font_and_declares_pdf_a_2b()
    {
        var (board, signed) = await DecisionTestData.SignedAsync(app);
        var patient = await PatientAsync(board.CaseId);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var bytes = await PdfAsync(Api(signed.Id));

        using var document = Pig.Open(bytes);
        document.Information.Title.ShouldBe($"Tumor board decision, version 1: {patient.FamilyName}, {patient.GivenName}, MRN {patient.Mrn}");
        document.Information.Author.ShouldBe(app.App.Services.GetRequiredService<ReportLetterhead>().BoardName);
        document.Information.GetCreatedDateTimeOffset()!.Value.ShouldBeGreaterThan(before);
        var page = document.GetPage(1);
        page.Width.ShouldBe(595.28, 0.5);   // A4
        page.Height.ShouldBe(841.89, 0.5);
        page.Letters.Select(l => l.FontName).Distinct().ShouldAllBe(f => f != null && f.Contains("DejaVu Sans"));
        document.TryGetXmpMetadata(out var xmp).ShouldBeTrue();
        var xml = xmp.GetXDocument().ToString();
        xml.ShouldContain("<pdfaid:part>2</pdfaid:part>");
        xml.ShouldContain("<pdfaid:conformance>B</pdfaid:conformance>");
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        raw.ShouldContain("/FontFile2");   // the TrueType font program is in the file
        raw.ShouldContain("/GTS_PDFA1");   // the output intent
    }

    [Fact]
    public async Task The_page_route_serves_the_same_report_and_the_decision_and_report_pages_link_to_it()
    {
        var (board, signed) = await DecisionTestData.SignedAsync(app);
        var patient = await PatientAsync(board.CaseId);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        var link = PdfLink(await client.GetStringAsync($"/Decisions/{signed.Id}"));
        link.ShouldBe($"/Decisions/{signed.Id}/Report.pdf");
        PdfLink(await client.GetStringAsync($"/Decisions/{signed.Id}/Report")).ShouldBe(link);
        using var response = await client.GetAsync(link);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (response.Content.Headers.ContentDisposition?.FileName?.Trim('"')).ShouldBe($"decision-{patient.Mrn}-v1.pdf");
        var pages = Pages(await response.Content.ReadAsByteArrayAsync());
        ShouldSay(pages[0], $"MRN {patient.Mrn}");
        ShouldSay(string.Concat(pages), $"for {await app.QueryDbAsync(db => db.Users.Where(u => u.Email == AppFixture.Clinician).Select(u => u.DisplayName).SingleAsync())}");
    }

    [Fact]
    public async Task Who_may_not_read_the_decision_gets_no_pdf_on_either_route()
    {
        var (_, signed) = await DecisionTestData.SignedAsync(app);

        using var admin = await app.ClientAsync(AppFixture.Admin);
        await (await admin.GetAsync(Api(signed.Id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = await app.ClientAsync(null);
        await (await anonymous.GetAsync(Api(signed.Id))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        await (await clinician.GetAsync(Api(Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var adminPages = await PageClient.SignedInAsync(app, AppFixture.Admin);
        (await adminPages.GetAsync($"/Decisions/{signed.Id}/Report.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var clinicianPages = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        (await clinicianPages.GetAsync($"/Decisions/{Guid.NewGuid()}/Report.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var signedOut = app.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var challenge = await signedOut.GetAsync($"/Decisions/{signed.Id}/Report.pdf");
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        challenge.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task Each_download_is_a_read_of_the_case_in_the_audit_trail_as_the_report_page_is()
    {
        var (board, signed) = await DecisionTestData.SignedAsync(app);
        var reader = await app.UserIdAsync(AppFixture.Clinician);
        var before = await app.QueryDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

        await PdfAsync(Api(signed.Id));

        var reads = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.Id > before && a.Operation == CaseReadLog.Operation)
            .Select(a => new { a.Action, a.EntityId, a.ActorId }).ToListAsync());
        reads.Select(r => r.Action).ShouldContain("GetDecision");
        reads.ShouldAllBe(r => r.EntityId == board.CaseId.ToString() && r.ActorId == reader);
    }

    /// <summary>The href of the page's "Download PDF" link.</summary>
    static string PdfLink(string html)
    {
        var anchor = Regex.Match(html, "<a [^>]*id=\"download-pdf\"[^>]*>");
        anchor.Success.ShouldBeTrue("the page has no PDF link");
        return WebUtility.HtmlDecode(Regex.Match(anchor.Value, "href=\"([^\"]+)\"").Groups[1].Value);
    }
}
