using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Application.Persistence;
using TumorBoard.Application.Common.Security;

namespace TumorBoard.Web.Auth;

public static class IdentitySetup
{
    /// <summary>The scheme the default authentication picks: the bearer token under /api, the cookie elsewhere.</summary>
    public const string Smart = "Smart";

    public static void AddTumorBoardIdentity(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
            })
            .AddPolicyScheme(Smart, "Cookie for pages, bearer token for the API", o => o.ForwardDefaultSelector = c =>
                c.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
                o.BearerTokenExpiration = TimeSpan.FromMinutes(config.GetValue("Auth:TokenLifetimeMinutes", 60)))
            .AddIdentityCookies();

        // Cookies only over HTTPS outside Development (served over TLS, or behind a TLS proxy named in ReverseProxy: so
        // X-Forwarded-Proto is believed). Auth:RequireHttps=false only for a local trial on http://localhost (docker compose).
        var secure = config.GetValue("Auth:RequireHttps", !env.IsDevelopment()) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "TumorBoard.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(config.GetValue("Auth:IdleTimeoutMinutes", 30));
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // A page the role may not open answers 403 (rendered by the error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });

        // The antiforgery cookie like the sign-in cookie (antiforgery then refuses to issue a form token over plain HTTP).
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = secure);

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddPasswordValidator<GuessablePasswordValidator>()   // common passwords, patterns, own name (ASVS V6.2)
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<TumorBoardDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();
        services.AddSingleton<ILookupNormalizer, TolerantLookupNormalizer>();   // registered last: replaces Identity's
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddScoped<Authenticator>();
        services.AddSingleton(sp => new AccountCheckCache(sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Auth:AccountCheckSeconds", AccountCheckCache.DefaultSeconds), 0, 300))));
        services.AddScoped<ISignatureCheck, SignatureCheck>();
        services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
    }

    /// <summary>
    /// Sign-in page and token endpoint: <see cref="SignInThrottle"/> (per account and per address, in PostgreSQL). The
    /// client address is the connection's unless the connection comes from a reverse proxy named in configuration
    /// (ReverseProxy:KnownProxies, addresses; ReverseProxy:KnownNetworks, CIDR ranges): only then is its X-Forwarded-For
    /// (and X-Forwarded-Proto) believed. By default none is, so a client cannot choose the address it is counted under.
    /// </summary>
    public static void AddSignInThrottle(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SignInThrottleOptions>(config.GetSection("RateLimiting"));
        services.AddScoped<SignInThrottle>();
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, config));
    }

    /// <summary>
    /// Whether a reverse proxy is configured. Only then does the app read forwarded headers at all: the middleware with
    /// empty KnownProxies and KnownIPNetworks would believe any peer.
    /// </summary>
    public static bool HasReverseProxy(IConfiguration config) =>
        (config.GetSection("ReverseProxy:KnownProxies").Get<string[]>()?.Length ?? 0) > 0
        || (config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>()?.Length ?? 0) > 0;

    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The defaults trust loopback; trust exactly what is configured instead.
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in config.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            o.KnownProxies.Add(IPAddress.TryParse(proxy, out var ip) ? ip
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{proxy}' is not an IP address."));
        foreach (var network in config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
            o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var n) ? n
                : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8)."));
        // How many proxies in a row may append to X-Forwarded-For (one reverse proxy in front: 1).
        o.ForwardLimit = config.GetValue("ReverseProxy:ForwardLimit", 1);
    }
}
