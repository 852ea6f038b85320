using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.BrowserTests;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>The real app on a Kestrel port and Debian's Chromium driven by Playwright (no downloaded browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public TumorBoardApp App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    IPlaywright playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TumorBoardApp(await TestPostgres.CreateDatabaseAsync());
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Clicks a submit button and waits for the address to match; on failure names the messages the page shows.</summary>
    public static async Task SubmitAndExpectAsync(IPage page, string button, string urlPattern)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        try { await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(urlPattern), new() { Timeout = 45_000 }); }
        catch (TimeoutException)
        {
            var messages = await page.Locator(".errors, .field-error, .field-validation-error").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"After '{button}' the page stayed at {page.Url}: {string.Join(" | ", messages.Where(m => m.Length > 0))}");
        }
    }

    /// <summary>A fresh browser context signed in as <paramref name="email"/> through the sign-in page;
    /// <paramref name="locale"/> is the browser's language (its Accept-Language), e.g. "fr-CH".</summary>
    public async Task<IPage> SignedInPageAsync(string email, bool bypassCsp = false, bool javaScript = true, string? locale = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl, BypassCSP = bypassCsp, ViewportSize = new() { Width = 1280, Height = 900 }, JavaScriptEnabled = javaScript,
            Locale = locale,
        });
        context.SetDefaultTimeout(90_000);   // two cores shared with the build and the database
        var page = await context.NewPageAsync();
        // Once in a fresh-clone run (2 cores, three suites at once) the sign-in did not reach the home page within 90 s
        // although the page had gone idle; the cause is not found yet. A second attempt is made, and what the browser
        // showed instead is written to the test log so that the next occurrence names it.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/Account/SignIn");
            // By the fields' ids, not their labels: the same in every language.
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(AppFixture.Password);
            await page.Locator("main button[type=submit]").ClickAsync();
            try
            {
                await page.WaitForURLAsync(BaseUrl + "/", new() { Timeout = attempt == 1 ? 45_000 : 90_000 });
                return page;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
                Console.WriteLine($"sign-in of {email} did not reach the home page: at {page.Url}, text: {text[..Math.Min(text.Length, 300)]}");
            }
        }
    }
}
