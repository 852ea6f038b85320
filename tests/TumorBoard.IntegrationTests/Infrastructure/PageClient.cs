using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// A browser-like client for Razor Pages: signs in through the real sign-in form (antiforgery token and
/// cookie), then keeps the cookies for later requests. Redirects are not followed, so tests can see them.
/// </summary>
public static partial class PageClient
{
    /// <summary>A client signed in with the authentication cookie as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignedInAsync(AppFixture app, string email, string? password = null)
    {
        var client = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/Account/SignIn", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password ?? AppFixture.Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}, not a redirect.");
        return client;
    }

    /// <summary>GETs the form page, then POSTs <paramref name="fields"/> with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>The value of the hidden __RequestVerificationToken input of a rendered form.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html);
        if (!match.Success) throw new InvalidOperationException("The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
