using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Accounts;

/// <summary>
/// Weak passwords are refused on every path that sets one (issue #10 item 14): creating an account, an administrator's reset,
/// changing one's own; on the API as a 400 naming the field, on the pages under the field.
/// </summary>
[Collection(AuditDatabase.Name)]
public sealed partial class PasswordPolicyTests(AppFixture app) : DatabaseTest(app)
{
    static readonly string CommonMessage = GuessablePasswordValidator.Describe(PasswordWeakness.Common);
    static readonly string PatternMessage = GuessablePasswordValidator.Describe(PasswordWeakness.Pattern);
    static readonly string PersonalMessage = GuessablePasswordValidator.Describe(PasswordWeakness.PersonalInfo);

    [Theory]
    [InlineData("password1234")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiopas")]
    [InlineData("Tumorboard-2026")]
    [InlineData("Sunshine2026!!")]
    public async Task Creating_an_account_with_a_weak_password_is_refused_and_stores_nothing(string password)
    {
        var before = await app.QueryDbAsync(db => db.Users.CountAsync());
        var refused = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, Accounts.Create() with { Password = password }));
        refused.Errors.ShouldNotBeEmpty();
        refused.Errors.ShouldAllBe(e => e.PropertyName == "Password");
        (await app.QueryDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task A_password_with_the_accounts_name_or_e_mail_user_name_is_refused_when_creating_resetting_and_changing()
    {
        var create = Accounts.Create() with { DisplayName = "Dr. Hildegard Vogelsang" };
        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, create with { Password = "Vogelsang-on-call-7" })))
            .Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(PersonalMessage);
        var localPart = create.Email.Split('@')[0];
        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, create with { Password = $"{localPart}-x" })))
            .Errors.ShouldContain(e => e.ErrorMessage == PersonalMessage);

        var id = (await app.Send(AppFixture.Admin, create)).Id;
        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin,
            new ResetPassword.Command { Id = id, NewPassword = "Hildegard-returns-9" })))
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("NewPassword");
        (await Should.ThrowAsync<ValidationException>(() => app.Send(create.Email, new ChangeOwnPassword.Command
            { CurrentPassword = Accounts.Password, NewPassword = "Hildegard-returns-9", ConfirmNewPassword = "Hildegard-returns-9" })))
            .Errors.ShouldContain(e => e.PropertyName == "NewPassword" && e.ErrorMessage == PersonalMessage);
        (await app.RequestTokenAsync(create.Email, Accounts.Password)).ShouldNotBeNullOrEmpty();   // unchanged
    }

    [Fact]
    public async Task Resetting_or_changing_to_a_common_password_or_a_pattern_is_refused_and_a_passphrase_is_accepted()
    {
        var (id, email) = await Accounts.CreateAsync(app);
        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, new ResetPassword.Command { Id = id, NewPassword = "password1234" })))
            .Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(CommonMessage);
        (await Should.ThrowAsync<ValidationException>(() => app.Send(email, new ChangeOwnPassword.Command
            { CurrentPassword = Accounts.Password, NewPassword = "qwertyqwerty", ConfirmNewPassword = "qwertyqwerty" })))
            .Errors.ShouldContain(e => e.PropertyName == "NewPassword" && e.ErrorMessage == PatternMessage);

        await app.Send(email, new ChangeOwnPassword.Command
            { CurrentPassword = Accounts.Password, NewPassword = "violet-kettle-ramp-47", ConfirmNewPassword = "violet-kettle-ramp-47" });
        (await app.RequestTokenAsync(email, "violet-kettle-ramp-47")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task The_api_answers_400_naming_password_or_newPassword()
    {
        var admin = await app.ClientAsync(AppFixture.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new
            { email = Accounts.NewEmail(), displayName = "Sam Sample", roles = new[] { Roles.Clinician }, password = "password1234" });
        var errors = await ErrorsAsync(created);
        errors.Keys.ShouldBe(["password"]);
        errors["password"].ShouldBe([CommonMessage]);

        var (id, email) = await Accounts.CreateAsync(app);
        var reset = await admin.PostAsJsonAsync($"/api/v1/accounts/{id}/reset-password", new { newPassword = "123456789012" });
        (await ErrorsAsync(reset)).Keys.ShouldBe(["newPassword"]);

        var own = app.App.CreateClient();
        own.DefaultRequestHeaders.Authorization = new("Bearer", await app.RequestTokenAsync(email, Accounts.Password));
        var changed = await own.PostAsJsonAsync("/api/v1/accounts/me/password",
            new { currentPassword = Accounts.Password, newPassword = "qwertyuiopas", confirmNewPassword = "qwertyuiopas" });
        (await ErrorsAsync(changed)).Keys.ShouldBe(["newPassword"]);
    }

    [Fact]
    public async Task The_pages_show_the_refusal_under_the_password_field()
    {
        var (admin, _) = await CookieSignIn.SignInAsync(app, AppFixture.Admin, AppFixture.Password);
        var create = await CookieSignIn.PostFormAsync(admin, "/Admin/Accounts/Create", new()
        {
            ["Input.Email"] = Accounts.NewEmail(), ["Input.DisplayName"] = "Sam Sample", ["Input.Roles"] = Roles.Clinician,
            ["Input.Password"] = "password1234",
        });
        create.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await create.Content.ReadAsStringAsync(), "Input.Password").ShouldBe([CommonMessage]);

        var (id, email) = await Accounts.CreateAsync(app);
        var reset = await CookieSignIn.PostFormAsync(admin, $"/Admin/Accounts/ResetPassword/{id}", new() { ["Input.NewPassword"] = "123456789012" });
        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await reset.Content.ReadAsStringAsync(), "Input.NewPassword").ShouldNotBeEmpty();

        var (browser, _) = await CookieSignIn.SignInAsync(app, email, Accounts.Password);
        var change = await CookieSignIn.PostFormAsync(browser, "/Account/Manage/ChangePassword", new()
            { ["Input.CurrentPassword"] = Accounts.Password, ["Input.NewPassword"] = "qwertyuiopas", ["Input.ConfirmNewPassword"] = "qwertyuiopas" });
        change.StatusCode.ShouldBe(HttpStatusCode.OK);
        MessagesUnder(await change.Content.ReadAsStringAsync(), "Input.NewPassword").ShouldContain(CommonMessage);
    }

    static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        return errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    static List<string> MessagesUnder(string html, string field) =>
        FieldMessage().Matches(html).Where(m => m.Groups[1].Value == field)
            .Select(m => WebUtility.HtmlDecode(m.Groups[2].Value).Trim()).Where(m => m.Length > 0).Distinct().ToList();

    [GeneratedRegex(@"data-valmsg-for=""([^""]+)""[^>]*>(?:<span[^>]*>)?([^<]+)<")]
    private static partial Regex FieldMessage();
}
