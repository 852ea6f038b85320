using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;

namespace TumorBoard.Web.Hosting;

/// <summary>
/// The request's language (issue #15, part 1; README "Languages"). In this order: <c>?culture=</c> (ASP.NET Core's query-string
/// provider, also <c>ui-culture</c>), the signed-in account's choice (its <c>tb:culture</c> claim), the culture cookie
/// (the language menu sets it, also before sign-in), then <c>Accept-Language</c>; otherwise <c>Board:Culture</c>.
/// The account comes before the cookie so that a shared workstation opens in the language of whoever signs in.
/// Pages and prints format dates and numbers in it; the API, CSV and FHIR write the invariant culture whatever it is.
/// </summary>
public static class Localisation
{
    public static IServiceCollection AddTumorBoardLocalisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization();
        var configured = configuration["Board:Culture"];
        var fallback = BoardCultures.Find(configured) ?? (string.IsNullOrWhiteSpace(configured) ? BoardCultures.English
            : throw new InvalidOperationException(
                $"Board:Culture \"{configured}\" is not one of the board's languages: {string.Join(", ", BoardCultures.Supported)}."));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = BoardCultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.DefaultRequestCulture = new RequestCulture(fallback);
            // "de" or "de-DE" from a browser means de-CH here: the parent culture's nearest supported one.
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.ApplyCurrentCultureToResponseHeaders = true;   // Content-Language
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new AccountCultureProvider(),
                new CookieRequestCultureProvider(),
                new NearestAcceptLanguageProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// The API (JSON, CSV, calendars, FHIR) formats in the invariant culture whatever the request's language; only its
    /// problem texts follow Accept-Language (the UI culture). English pages keep the invariant formatting the board used
    /// before it spoke other languages (ISO dates, "." decimals), while their words come from the English resources: only
    /// de-CH, fr-CH and it-CH pages format by their culture.
    /// </summary>
    public static Task InvariantFormattingForApiAndEnglish(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/api") || BoardCultures.IsEnglish(CultureInfo.CurrentCulture))
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        return next(context);
    }

    /// <summary>The culture cookie's value for a culture (both the formatting and the UI culture).</summary>
    public static string CookieValue(string culture) => CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));

    /// <summary>Sets the culture cookie for a year (the language menu; it also applies before sign-in).</summary>
    public static void RememberInCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieValue(culture), new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps, Path = "/",
        });

    /// <summary>The signed-in account's chosen language.</summary>
    sealed class AccountCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var culture = BoardCultures.Find(httpContext.User.FindFirst(ClaimNames.Culture)?.Value);
            return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
        }
    }

    /// <summary>
    /// Accept-Language by quality, each language mapped to the board's culture of that language ("fr", "fr-FR", "fr-BE" ->
    /// fr-CH; "en-US" -> en): the framework's provider only falls back to parents, and "fr-FR"'s parent "fr" is not offered.
    /// </summary>
    sealed class NearestAcceptLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var header = httpContext.Request.GetTypedHeaders().AcceptLanguage;
            if (header is not { Count: > 0 }) return NullProviderCultureResult;
            foreach (var language in header.OrderByDescending(l => l.Quality ?? 1).Take(8))
            {
                var tag = language.Value.Value;
                if (string.IsNullOrEmpty(tag) || tag == "*" || (language.Quality ?? 1) <= 0) continue;
                var exact = BoardCultures.Find(tag);
                var prefix = tag.Split('-')[0];
                var match = exact ?? BoardCultures.Supported.FirstOrDefault(c => c.Split('-')[0].Equals(prefix, StringComparison.OrdinalIgnoreCase));
                if (match is not null) return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(match));
            }
            return NullProviderCultureResult;
        }
    }
}
