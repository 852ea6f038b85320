using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using TumorBoard.Application.Common.Idempotency;
using TumorBoard.Application.Common.Security;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Http;

/// <summary>
/// The pages' one-time form tokens (issue #17): every form that creates a record carries a hidden
/// <see cref="Field"/> (rendered by <c>FormTokenTagHelper</c>, a new value per form shown), and a page POST with one is
/// settled through the same <see cref="IdempotencyStore"/> as the API's Idempotency-Key, under the key
/// <c>form:&lt;token&gt;</c> of the signed-in user. The first POST runs; its redirect (the created record's page) is stored;
/// a resubmission of the same form (Back and submit again, a double click, a browser retry) runs nothing and is sent to
/// that record with the message <see cref="AlreadySaved"/>, whatever was changed in the form meanwhile (the token names
/// the form shown, not its content). A POST that is refused (the form redisplayed with its messages, 4xx) gives the
/// token back, so the corrected form, which keeps its token, is saved once. A resubmission while the first is still
/// running answers 409 (the error page says to reload, not to send again). A POST without the field runs as before.
/// </summary>
public sealed class FormTokenMiddleware(RequestDelegate next, ILogger<FormTokenMiddleware> log)
{
    public const string Field = "__FormToken";
    public const string KeyPrefix = "form:";
    public const string AlreadySaved = "This form was already sent and saved: here is what it saved. Nothing was saved twice.";

    public async Task InvokeAsync(HttpContext http, ICurrentUser user, IdempotencyStore store)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Path.StartsWithSegments("/api") || !http.Request.HasFormContentType
            // The error page re-executed for a status or an exception is not the form's POST.
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null
            || user.Id is not { } userId)
        {
            await next(http);
            return;
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A body the form decoder refuses (a %00, a malformed encoding): 400, as the pages answer it without a token.
            log.LogInformation("A page POST whose form cannot be read: {Error}", e.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (!form.TryGetValue(Field, out var values) || values.Count != 1 || !IsValidToken(values[0]))
        {
            await next(http);
            return;
        }
        var key = KeyPrefix + values[0];
        var target = http.Request.Path.Value + http.Request.QueryString.Value;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(target));

        switch (await store.ClaimAsync(userId, key, http.Request.Method, http.Request.Path.Value ?? "/", hash, http.RequestAborted))
        {
            case KeyClaim.Answered { Answer: { Location: { } location } answer }:
                Flash(http, AlreadySaved);
                http.Response.StatusCode = answer.Status;
                http.Response.Headers.Location = location;
                http.Response.Headers[IdempotencyMiddleware.ReplayedHeader] = "true";
                return;
            case KeyClaim.Answered or KeyClaim.InProgress or KeyClaim.UsedForAnotherRequest:
                http.Response.StatusCode = StatusCodes.Status409Conflict;
                return;
        }

        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            var refused = e is ValidationException or BadHttpRequestException || ExceptionMapping.Map(e) is { Status: < 500 };
            if (refused) await ReleaseAsync(store, userId, key);
            else log.LogWarning("A page POST with a form token failed; its token stays claimed without an answer.");
            throw;
        }

        var status = http.Response.StatusCode;
        if (status is >= 300 and < 400 && http.Response.Headers.Location.ToString() is { Length: > 0 } saved)
        {
            try
            {
                await store.CompleteAsync(userId, key, new StoredAnswer(status, null, saved, null, []), CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The outcome of a page POST with a form token could not be stored; resubmissions will be refused.");
            }
        }
        else if (status < 500) await ReleaseAsync(store, userId, key);
        else log.LogWarning("A page POST with a form token answered {Status}; its token stays claimed without an answer.", status);
    }

    /// <summary>1 to 200 printable ASCII characters (the tag helper writes a UUID).</summary>
    public static bool IsValidToken(string? token) =>
        token is { Length: > 0 and <= 200 } && token.All(c => c is > ' ' and <= '~');

    async Task ReleaseAsync(IdempotencyStore store, Guid userId, string key)
    {
        try { await store.ReleaseAsync(userId, key, CancellationToken.None); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The token of a refused page POST could not be released; resubmissions of that form will be refused.");
        }
    }

    static void Flash(HttpContext http, string message)
    {
        var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
        tempData["Flash"] = message;
        tempData.Save();
    }
}
