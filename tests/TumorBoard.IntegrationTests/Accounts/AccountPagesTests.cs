using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Accounts;

[Collection(AuditDatabase.Name)]
public sealed class AccountPagesTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task The_create_page_shows_each_message_under_its_field_and_then_creates_the_account()
    {
        var (admin, _) = await CookieSignIn.SignInAsync(app, AppFixture.Admin, AppFixture.Password);
        var email = Accounts.NewEmail();
        var rejected = await CookieSignIn.PostFormAsync(admin, "/Admin/Accounts/Create", new()
            { ["Input.Email"] = email, ["Input.DisplayName"] = "Dr. Ray Radiology", ["Input.Roles"] = Roles.Specialist, ["Input.Password"] = "short" });
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await rejected.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Discipline").ShouldContain("A specialist needs exactly one discipline.");
        MessagesUnder(html, "Input.Password").ShouldContain(m => m.Contains("12"));
        html.ShouldNotContain("style=");

        var created = await CookieSignIn.PostFormAsync(admin, "/Admin/Accounts/Create", new()
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Dr. Ray Radiology", ["Input.Roles"] = Roles.Specialist,
            ["Input.Discipline"] = ((int)Discipline.Radiology).ToString(), ["Input.Password"] = Accounts.Password,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        created.Headers.Location!.ToString().ShouldStartWith("/Admin/Accounts/Edit/");
        (await admin.GetAsync(created.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.RequestTokenAsync(email, Accounts.Password)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_edit_page_deactivates_an_account_and_refuses_to_deactivate_the_administrator_themself()
    {
        var (id, _) = await Accounts.CreateAsync(app);
        var (admin, _) = await CookieSignIn.SignInAsync(app, AppFixture.Admin, AppFixture.Password);
        var done = await CookieSignIn.PostFormAsync(admin, $"/Admin/Accounts/Edit/{id}?handler=Deactivate", new());
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Send(AppFixture.Admin, new GetAccount.Query(id))).IsActive.ShouldBeFalse();

        var self = await CookieSignIn.PostFormAsync(admin, $"/Admin/Accounts/Edit/{await app.UserIdAsync(AppFixture.Admin)}?handler=Deactivate", new());
        self.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await self.Content.ReadAsStringAsync()).ShouldContain("You cannot deactivate your own account.");
    }

    [Fact]
    public async Task The_edit_page_locks_the_own_roles_and_refuses_a_posted_change_under_the_roles()
    {
        var adminId = await app.UserIdAsync(AppFixture.Admin);
        var (admin, _) = await CookieSignIn.SignInAsync(app, AppFixture.Admin, AppFixture.Password);
        var form = await admin.GetStringAsync($"/Admin/Accounts/Edit/{adminId}");
        form.ShouldContain("You cannot change your own roles: another administrator can.");
        form.ShouldNotContain("Input.RoleChangeReason");
        Regex.Matches(form, @"<input type=""checkbox""[^>]*disabled").Count.ShouldBe(Roles.All.Count);

        var posted = await CookieSignIn.PostFormAsync(admin, $"/Admin/Accounts/Edit/{adminId}", new()
            { ["Input.DisplayName"] = "Ada Administrator", ["Input.Roles"] = Roles.Clinician, ["Input.RoleChangeReason"] = "Covering" });
        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        MessagesUnder(await posted.Content.ReadAsStringAsync(), "Input.Roles")
            .ShouldBe(["You cannot change your own roles or discipline: another administrator can."]);
        (await app.Send(AppFixture.Admin, new GetAccount.Query(adminId))).Roles.ShouldBe([Roles.Administrator]);

        // The locked form posts the roles unchanged: renaming oneself still works.
        var renamed = await CookieSignIn.PostFormAsync(admin, $"/Admin/Accounts/Edit/{adminId}", new()
            { ["Input.DisplayName"] = "Ada Administrator", ["Input.Roles"] = Roles.Administrator });
        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_edit_page_asks_for_the_reason_of_a_role_change_and_refuses_administrator_with_a_clinical_role()
    {
        var (id, _) = await Accounts.CreateAsync(app);
        var (admin, _) = await CookieSignIn.SignInAsync(app, AppFixture.Admin, AppFixture.Password);
        var path = $"/Admin/Accounts/Edit/{id}";
        (await admin.GetStringAsync(path)).ShouldContain("Input.RoleChangeReason");

        var noReason = await CookieSignIn.PostFormAsync(admin, path, new() { ["Input.DisplayName"] = "Test Person", ["Input.Roles"] = Roles.Coordinator });
        noReason.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await noReason.Content.ReadAsStringAsync(), "Input.RoleChangeReason").ShouldHaveSingleItem().ShouldStartWith("Give the reason");

        var both = await admin.PostAsync(path, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", PageClient.AntiforgeryToken(await admin.GetStringAsync(path))),
            new("Input.DisplayName", "Test Person"), new("Input.Roles", Roles.Administrator), new("Input.Roles", Roles.Clinician),
            new("Input.RoleChangeReason", "Covering"),
        ]));
        both.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await both.Content.ReadAsStringAsync(), "Input.Roles").ShouldHaveSingleItem().ShouldStartWith("An administrator account holds no clinical role");

        var done = await CookieSignIn.PostFormAsync(admin, path, new()
            { ["Input.DisplayName"] = "Test Person", ["Input.Roles"] = Roles.Coordinator, ["Input.RoleChangeReason"] = "Joins the board office" });
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.Send(AppFixture.Admin, new GetAccount.Query(id))).Roles.ShouldBe([Roles.Coordinator]);
    }

    [Fact]
    public async Task Account_pages_are_closed_to_other_roles()
    {
        var (coordinator, _) = await CookieSignIn.SignInAsync(app, AppFixture.Coordinator, AppFixture.Password);
        (await coordinator.GetAsync("/Admin/Accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coordinator.GetAsync("/Admin/Accounts/Create")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (admin, _) = await CookieSignIn.SignInAsync(app, AppFixture.Admin, AppFixture.Password);
        (await admin.GetAsync("/Admin/Accounts")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_account_list_honours_the_page_of_its_paging_links()
    {
        var (admin, _) = await CookieSignIn.SignInAsync(app, AppFixture.Admin, AppFixture.Password);
        var html = await admin.GetStringAsync("/Admin/Accounts?page=2");
        html.ShouldContain("Page 2 of");   // the route value "page" (the page's own path) used to win, and page 1 came back
    }

    [Fact]
    public async Task The_change_password_page_checks_the_current_password_and_keeps_this_browser_signed_in()
    {
        var (_, email) = await Accounts.CreateAsync(app);
        var (browser, _) = await CookieSignIn.SignInAsync(app, email, Accounts.Password);
        var wrong = await CookieSignIn.PostFormAsync(browser, "/Account/Manage/ChangePassword", new()
            { ["Input.CurrentPassword"] = "wrong-password-here", ["Input.NewPassword"] = "Page-changed-pass-1", ["Input.ConfirmNewPassword"] = "Page-changed-pass-1" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await wrong.Content.ReadAsStringAsync(), "Input.CurrentPassword").ShouldContain("Incorrect password.");

        var ok = await CookieSignIn.PostFormAsync(browser, "/Account/Manage/ChangePassword", new()
            { ["Input.CurrentPassword"] = Accounts.Password, ["Input.NewPassword"] = "Page-changed-pass-1", ["Input.ConfirmNewPassword"] = "Page-changed-pass-1" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/Account/Manage/ChangePassword")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.RequestTokenAsync(email, "Page-changed-pass-1")).ShouldNotBeNullOrEmpty();
    }

    /// <summary>The messages rendered in the validation span of a field (Input.&lt;Property&gt;).</summary>
    static List<string> MessagesUnder(string html, string field) =>
        Regex.Matches(html, $@"data-valmsg-for=""{Regex.Escape(field)}""[^>]*>(?:<span[^>]*>)?([^<]+)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Where(m => m.Length > 0).ToList();
}
