using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Accounts;

[Collection(AuditDatabase.Name)]
public sealed class AccountsHttpTests(AppFixture app) : DatabaseTest(app)
{
    [Theory]
    [InlineData(AppFixture.Coordinator)]
    [InlineData(AppFixture.MedOnc)]
    [InlineData(AppFixture.Clinician)]
    public async Task Only_an_administrator_may_use_the_accounts_endpoints(string email)
    {
        var client = await app.ClientAsync(email);
        var id = await app.UserIdAsync(AppFixture.Clinician);
        (await client.GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/accounts/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync("/api/v1/accounts", Accounts.Create())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync($"/api/v1/accounts/{id}", new { displayName = "X", roles = new[] { Roles.Clinician } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/v1/accounts/{id}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync($"/api/v1/accounts/{id}/reactivate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/api/v1/accounts/{id}/reset-password", new { newPassword = "Another-long-password" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_401_and_an_administrator_gets_the_list()
    {
        (await (await app.ClientAsync(null)).GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await app.ClientAsync(null)).PostAsJsonAsync("/api/v1/accounts/me/password", new { })).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
        var list = await (await app.ClientAsync(AppFixture.Admin)).GetAsync("/api/v1/accounts?pageSize=2");
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await list.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("items").GetArrayLength().ShouldBe(2);
        body.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task Creates_an_account_with_201_and_a_location_then_updates_it()
    {
        var admin = await app.ClientAsync(AppFixture.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            email = Accounts.NewEmail(), displayName = "Dr. Pia Pathology", roles = new[] { Roles.Specialist },
            discipline = "Pathology", password = Accounts.Password,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var account = await created.Content.ReadFromJsonAsync<JsonElement>();
        account.GetProperty("discipline").GetString().ShouldBe("Pathology");
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/accounts/{account.GetProperty("id").GetGuid()}");

        var updated = await admin.PutAsJsonAsync(created.Headers.Location,
            new { displayName = "Pia P.", roles = new[] { Roles.Clinician, Roles.Coordinator }, discipline = (string?)null,
                roleChangeReason = "Moved from pathology to the tumor board office" });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await updated.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Clinician, Roles.Coordinator]);
        (await admin.GetAsync(created.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_changing_their_own_roles_gets_403_and_combining_administrator_with_a_clinical_role_400()
    {
        var admin = await app.ClientAsync(AppFixture.Admin);
        var me = $"/api/v1/accounts/{await app.UserIdAsync(AppFixture.Admin)}";
        var self = await admin.PutAsJsonAsync(me,
            new { displayName = "Ada Administrator", roles = new[] { Roles.Coordinator }, roleChangeReason = "Covering" });
        self.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        self.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await self.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(
            "You cannot change your own roles or discipline: another administrator can.");

        var both = await admin.PutAsJsonAsync(me,
            new { displayName = "Ada Administrator", roles = new[] { Roles.Administrator, Roles.Coordinator }, roleChangeReason = "Covering" });
        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["roles"]);

        var created = await admin.PostAsJsonAsync("/api/v1/accounts", new
        {
            email = Accounts.NewEmail(), displayName = "Sam Super", roles = new[] { Roles.Administrator, Roles.Clinician }, password = Accounts.Password,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("roles", out _).ShouldBeTrue();
        (await (await admin.GetAsync(me)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray()
            .Select(r => r.GetString()).ShouldBe([Roles.Administrator]);
    }

    [Fact]
    public async Task A_role_change_without_a_reason_is_a_400_naming_roleChangeReason()
    {
        var admin = await app.ClientAsync(AppFixture.Admin);
        var (id, _) = await Accounts.CreateAsync(app);
        var response = await admin.PutAsJsonAsync($"/api/v1/accounts/{id}", new { displayName = "Test Person", roles = new[] { Roles.Coordinator } });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["roleChangeReason"]);
    }

    [Fact]
    public async Task Answers_a_validation_problem_naming_the_discipline_and_the_password()
    {
        var admin = await app.ClientAsync(AppFixture.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/accounts", new
            { email = Accounts.NewEmail(), displayName = "Sam", roles = new[] { Roles.Specialist }, password = "short" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("discipline", out _).ShouldBeTrue();
        errors.TryGetProperty("password", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Deactivates_reactivates_and_resets_with_204_and_refuses_self_deactivation_with_409()
    {
        var admin = await app.ClientAsync(AppFixture.Admin);
        var (id, email) = await Accounts.CreateAsync(app);
        (await admin.PostAsync($"/api/v1/accounts/{id}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsync($"/api/v1/accounts/{id}/reactivate", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync($"/api/v1/accounts/{id}/reset-password", new { newPassword = "Reset-by-the-admin-1" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.RequestTokenAsync(email, "Reset-by-the-admin-1")).ShouldNotBeNullOrEmpty();

        var self = await admin.PostAsync($"/api/v1/accounts/{await app.UserIdAsync(AppFixture.Admin)}/deactivate", null);
        self.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        self.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await admin.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Any_signed_in_user_changes_their_own_password_and_the_old_token_stops_working()
    {
        var (_, email) = await Accounts.CreateAsync(app);
        var client = app.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await app.RequestTokenAsync(email, Accounts.Password));

        var wrong = await client.PostAsJsonAsync("/api/v1/accounts/me/password", new
            { currentPassword = "wrong-password-here", newPassword = "Changed-by-myself-1", confirmNewPassword = "Changed-by-myself-1" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("currentPassword", out _).ShouldBeTrue();

        var ok = await client.PostAsJsonAsync("/api/v1/accounts/me/password", new
            { currentPassword = Accounts.Password, newPassword = "Changed-by-myself-1", confirmNewPassword = "Changed-by-myself-1" });
        ok.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/v1/patients")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.RequestTokenAsync(email, "Changed-by-myself-1")).ShouldNotBeNullOrEmpty();
    }
}
