using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace TumorBoard.IntegrationTests.Accounts;

[Collection(AuditDatabase.Name)]
public sealed class SignInRulesTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task A_deactivated_account_gets_no_token_and_its_token_and_cookie_stop_working()
    {
        var (id, email) = await Accounts.CreateAsync(app);
        var api = app.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await app.RequestTokenAsync(email, Accounts.Password));
        (await api.GetAsync("/api/v1/patients")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (browser, signedIn) = await CookieSignIn.SignInAsync(app, email, Accounts.Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/Account/Manage/ChangePassword")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.Send(AppFixture.Admin, new DeactivateAccount.Command(id));

        (await api.GetAsync("/api/v1/patients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var home = await browser.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        var page = await browser.GetAsync("/Account/Manage/ChangePassword");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
        (await TokenAsync(email, Accounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        var (_, email) = await Accounts.CreateAsync(app);
        var unknown = await TokenAsync(Accounts.NewEmail(), Accounts.Password);
        var wrong = await TokenAsync(email, "Not-the-right-password");
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await BodyWithoutTraceAsync(wrong)).ShouldBe(await BodyWithoutTraceAsync(unknown));

        var (_, pageUnknown) = await CookieSignIn.SignInAsync(app, Accounts.NewEmail(), Accounts.Password);
        var (_, pageWrong) = await CookieSignIn.SignInAsync(app, email, "Not-the-right-password");
        (await pageUnknown.Content.ReadAsStringAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(Authenticator.FailureMessage));
        (await pageWrong.Content.ReadAsStringAsync()).ShouldContain(System.Net.WebUtility.HtmlEncode(Authenticator.FailureMessage));
    }

    [Fact]
    public async Task Five_failures_lock_the_account_so_the_sixth_attempt_with_the_right_password_fails()
    {
        var (id, email) = await Accounts.CreateAsync(app);
        for (var i = 0; i < 5; i++)
            (await TokenAsync(email, $"Wrong-password-number-{i}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await TokenAsync(email, Accounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.Send(AppFixture.Admin, new GetAccount.Query(id))).IsLockedOut.ShouldBeTrue();

        await app.Send(AppFixture.Admin, new ResetPassword.Command { Id = id, NewPassword = "Unlocked-by-reset-1" });
        (await TokenAsync(email, "Unlocked-by-reset-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Passwords_are_hashed_with_pbkdf2_at_210000_iterations_or_more()
    {
        var (id, _) = await Accounts.CreateAsync(app);
        var hash = Convert.FromBase64String(await app.QueryDbAsync(db =>
            db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash!).SingleAsync()));
        hash[0].ShouldBe((byte)0x01);   // Identity V3 format
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1, 4)).ShouldBe(2u);   // HMACSHA512
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)).ShouldBeGreaterThanOrEqualTo(210_000u);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_http_only_and_same_site_lax()
    {
        var (_, response) = await CookieSignIn.SignInAsync(app, AppFixture.Clinician, AppFixture.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("TumorBoard.Auth="));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
    }

    /// <summary>The problem body minus its per-request traceId.</summary>
    static async Task<string> BodyWithoutTraceAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!;
        body.Remove("traceId");
        return string.Join("|", body.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));
    }

    Task<HttpResponseMessage> TokenAsync(string email, string password) =>
        app.App.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password });
}
