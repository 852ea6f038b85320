using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Cases;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Audit;

/// <summary>/Admin/Audit: the administrator's view of the trail, filtered by a plain GET form.</summary>
[Collection(AuditDatabase.Name)]
public sealed partial class AuditPageTests(AppFixture app) : DatabaseTest(app)
{
    static int Rows(string html) => RowCell().Matches(html).Count;

    static List<string> MessagesUnder(string html, string field) =>
        Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0).ToList();

    [Fact]
    public async Task Lists_who_opened_a_case_and_filters_with_the_get_form_without_showing_clinical_values()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var (_, otherCaseId) = await TestData.RegisterCaseAsync(app);
        var mrn = await app.QueryDbAsync(db => db.Patients.Select(p => p.Mrn).FirstAsync());
        var clinician = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        (await clinician.GetAsync($"/Cases/Details/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.Send(AppFixture.Coordinator, new GetCase.Query(otherCaseId));
        var clinicianName = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == AppFixture.Clinician).Select(u => u.DisplayName).SingleAsync());
        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);

        var all = await admin.GetStringAsync("/Admin/Audit");
        all.ShouldContain("<h1>Audit trail</h1>");
        all.ShouldContain("href=\"/Admin/Audit\"");   // in the admin navigation
        Rows(all).ShouldBe(6);   // 2 patients, 2 cases, 2 reads
        all.ShouldNotContain(mrn);
        all.ShouldNotContain(" style=", Case.Insensitive);
        all.ShouldNotContain("<script>", Case.Insensitive);

        // Exactly what the form sends: every field, the unused ones empty.
        var filtered = await admin.GetStringAsync($"/Admin/Audit?Operation=Read&EntityType=&EntityId={caseId}&ActorId=&From=&To=");
        Rows(filtered).ShouldBe(1);
        filtered.ShouldContain("1 entry");
        filtered.ShouldContain(WebUtility.HtmlEncode(clinicianName));
        filtered.ShouldContain("GetCase");
        filtered.ShouldNotContain(otherCaseId.ToString());
        filtered.ShouldContain("<option value=\"Read\" selected=\"selected\">Read</option>");
        filtered.ShouldContain($"value=\"{caseId}\"");

        var clinicianId = await app.UserIdAsync(AppFixture.Clinician);
        var byActor = await admin.GetStringAsync($"/Admin/Audit?ActorId={clinicianId}");
        byActor.ShouldContain($"href=\"/Admin/Audit?ActorId={clinicianId}\"");   // each name links to what that person did
        Rows(byActor).ShouldBe(1);
    }

    [Fact]
    public async Task Pages_through_the_entries_keeping_the_filter()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        for (var i = 0; i < 27; i++) await app.Send(AppFixture.Clinician, new GetCase.Query(caseId));
        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);

        var first = await admin.GetStringAsync("/Admin/Audit?Operation=Read");
        first.ShouldContain("27 entries");
        first.ShouldContain("Page 1 of 2");
        Rows(first).ShouldBe(25);
        var next = NextLink().Match(first);
        next.Success.ShouldBeTrue();
        var url = WebUtility.HtmlDecode(next.Groups[1].Value);
        url.ShouldBe("/Admin/Audit?Operation=Read&page=2");

        var second = await admin.GetStringAsync(url);
        second.ShouldContain("Page 2 of 2");
        Rows(second).ShouldBe(2);
        second.ShouldContain(">Previous</a>");
    }

    [Fact]
    public async Task Shows_a_message_under_a_filter_that_is_not_valid()
    {
        var admin = await PageClient.SignedInAsync(app, AppFixture.Admin);

        var badActor = await admin.GetAsync("/Admin/Audit?ActorId=not-a-guid");
        badActor.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await badActor.Content.ReadAsStringAsync(), "ActorId").ShouldNotBeEmpty();

        var reversed = await admin.GetAsync("/Admin/Audit?From=2026-02-02&To=2026-02-01");
        reversed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await reversed.Content.ReadAsStringAsync();
        MessagesUnder(html, "To").ShouldBe(["The last day cannot be before the first day."]);
        html.ShouldContain("value=\"2026-02-02\"");
    }

    [Fact]
    public async Task The_page_and_its_link_are_for_administrators_only()
    {
        var coordinator = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        (await coordinator.GetAsync("/Admin/Audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetStringAsync("/Cases")).ShouldNotContain("/Admin/Audit");
        var anonymous = app.App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/Admin/Audit");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [GeneratedRegex("<td data-label=\"When\">")]
    private static partial Regex RowCell();

    [GeneratedRegex("<a href=\"([^\"]+)\">Next</a>")]
    private static partial Regex NextLink();
}
