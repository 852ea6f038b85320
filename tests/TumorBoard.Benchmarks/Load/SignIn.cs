using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TumorBoard.Benchmarks.Load;

/// <summary>Signs a seeded account in: a bearer token for the API, the sign-in cookie for the pages (antiforgery included).</summary>
public static partial class SignIn
{
    public static async Task<string> TokenAsync(string baseUrl, string email, string password)
    {
        using var client = new HttpClient();
        using var r = await client.PostAsJsonAsync(baseUrl + "/api/v1/auth/token", new { email, password });
        var body = await r.Content.ReadAsStringAsync();
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"Token for {email}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>The Cookie header value a signed-in browser sends.</summary>
    public static async Task<string> CookieAsync(string baseUrl, string email, string password)
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler);
        var jar = new Dictionary<string, string>();
        void Keep(HttpResponseMessage r)
        {
            if (!r.Headers.TryGetValues("Set-Cookie", out var cookies)) return;
            foreach (var c in cookies)
            {
                var pair = c.Split(';')[0];
                var eq = pair.IndexOf('=');
                jar[pair[..eq]] = pair[(eq + 1)..];
            }
        }
        using var get = await client.GetAsync(baseUrl + "/Account/SignIn");
        Keep(get);
        var html = await get.Content.ReadAsStringAsync();
        var token = Antiforgery().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var post = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", jar.Select(kv => $"{kv.Key}={kv.Value}")));
        using var signedIn = await client.SendAsync(post);
        Keep(signedIn);
        if ((int)signedIn.StatusCode != 302 || jar.Count < 2)
            throw new InvalidOperationException($"Page sign-in for {email}: {(int)signedIn.StatusCode}");
        return string.Join("; ", jar.Select(kv => $"{kv.Key}={kv.Value}"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
