using System.Net;
using System.Text.RegularExpressions;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Accounts;

/// <summary>Signs in through the real sign-in page (antiforgery token included); the client keeps the cookie.</summary>
public static partial class CookieSignIn
{
    public static async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(AppFixture app, string email, string password)
    {
        var client = app.App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await PostFormAsync(client, "/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        return (client, response);
    }

    /// <summary>GETs the page, then POSTs the fields with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        fields["__RequestVerificationToken"] = AntiforgeryToken(await page.Content.ReadAsStringAsync());
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""([^""]+)""")]
    private static partial Regex TokenInput();
}
