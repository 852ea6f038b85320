using System.Net;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Scores;

/// <summary>The calculator pages: plain GET forms through the same queries, with a cookie-signed-in user.</summary>
[Collection(AppCollection.Name)]
public sealed class ScorePageTests(AppFixture app)
{
    const string SinsT11 = "/Scores/Sins?Input.Level=T11&Input.Location=&Input.Pain=Mechanical&Input.BoneLesion=Lytic"
        + "&Input.Alignment=DeNovoDeformity&Input.Collapse=MoreThan50Percent&Input.Posterolateral=Unilateral";

    [Fact]
    public async Task The_SINS_page_shows_the_total_category_and_source()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var html = await client.GetStringAsync(SinsT11);
        html.ShouldContain("<strong data-total>14</strong>");
        html.ShouldContain("Unstable");
        html.ShouldContain("Source: Spinal Instability Neoplastic Score, Fisher et al., Spine 2010");
        html.ShouldNotContain("SINS/Fisher2010");   // the literature in words, never the version code (issue #17 item 13)
        html.ShouldContain("""<option selected="selected" value="T11">T11</option>""");
        html.ShouldContain("""<script src="/js/scores.js""");
        html.ShouldNotContain("style=\"");
    }

    [Fact]
    public async Task An_incomplete_form_lists_what_is_missing_and_shows_no_total()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var html = await client.GetStringAsync(SinsT11.Replace("MoreThan50Percent", ""));
        html.ShouldContain("""data-missing="collapse""");
        html.ShouldNotContain("data-total");
    }

    [Fact]
    public async Task A_rule_failure_shows_under_its_field()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var html = await client.GetStringAsync("/Scores/Tokuhashi?Input.Karnofsky=65&Input.Ecog=");
        html.ShouldContain("""data-valmsg-for="Input.Karnofsky" data-valmsg-replace="true">Karnofsky must be a multiple of 10""");
        html.ShouldNotContain("data-total");
    }

    [Fact]
    public async Task An_ESCC_grade_without_subgrade_shows_under_the_grade_field()
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var html = await client.GetStringAsync("/Scores/Escc?Input.Grade=1");
        html.ShouldContain("""data-valmsg-for="Input.Grade" data-valmsg-replace="true">&#x27;1&#x27; is not an ESCC grade""");
    }

    [Theory]
    [InlineData("/Scores")]
    [InlineData("/Scores/Escc?Input.Grade=1c")]
    [InlineData("/Scores/Tomita?Input.PrimaryGrowth=Slow")]
    [InlineData("/Scores/Noms?Input.Histology=RenalCell&Input.Escc=2&Input.SinsTotal=13&Input.FitForSurgery=true")]
    [InlineData("/Scores/PerformanceStatus?Input.Ecog=1")]
    public async Task Every_calculator_page_renders_for_a_signed_in_user(string path)
    {
        var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var client = await app.ClientAsync(null);
        var response = await client.GetAsync("/Scores/Sins");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }
}
