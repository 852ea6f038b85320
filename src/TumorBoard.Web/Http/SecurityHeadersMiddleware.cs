namespace TumorBoard.Web.Http;

/// <summary>Security headers on every response; no caching of anything that is not a static file.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                       "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The Scalar API reference (Development only) ships its own inline bootstrap script.
    const string ScalarCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
                             "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ScalarCsp : Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h.Remove("Server");
            if (!IsStaticFile(context)) h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }

    static bool IsStaticFile(HttpContext c) =>
        c.Request.Path.StartsWithSegments("/css") || c.Request.Path.StartsWithSegments("/js")
        || c.Request.Path.StartsWithSegments("/favicon.ico");
}
