using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Application.Persistence;
using TumorBoard.Application.Common.Security;

namespace TumorBoard.Web.Infrastructure;

public static class IdentitySetup
{
    /// <summary>The scheme the default authentication picks: the bearer token under /api, the cookie elsewhere.</summary>
    public const string Smart = "Smart";
    public const string SignInPolicy = "sign-in";

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

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "TumorBoard.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(config.GetValue("Auth:IdleTimeoutMinutes", 30));
            o.SlidingExpiration = true;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // A page the role may not open answers 403 (rendered by the error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });

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
        services.AddScoped<ISignatureCheck, SignatureCheck>();
        services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
    }

    /// <summary>Sign-in page and token endpoint: a fixed window per client address; 429 problem details past it.</summary>
    public static void AddSignInRateLimiting(this IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("RateLimiting:SignInPermitLimit", 10);
        var window = TimeSpan.FromSeconds(config.GetValue("RateLimiting:SignInWindowSeconds", 60));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInPolicy, c => RateLimitPartition.GetFixedWindowLimiter(
                c.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString();
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new()
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = "Too many sign-in attempts",
                        Detail = "Wait a minute before trying again.",
                    },
                });
            };
        });
    }
}
