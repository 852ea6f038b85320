using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TumorBoard.Web.Errors;

/// <summary>
/// Turns the same exceptions into page outcomes: validation failures become messages under the fields
/// (Input.&lt;Property&gt;), conflicts a message at the top of the form, the rest their status pages.
/// </summary>
public sealed class MediatorExceptionPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var done = await next();
        if (done.Exception is null || done.ExceptionHandled) return;

        IActionResult? result = done.Exception switch
        {
            ValidationException v => await ToModelState(done, v),
            _ => ExceptionMapping.Map(done.Exception) switch
            {
                { Status: 400 or 409 or 412 or 428 } o => await ToFormError(done, o.Detail ?? o.Title),
                { Status: 401 } => new ChallengeResult(),
                { } o => new StatusCodeResult(o.Status),
                null => null,
            },
        };
        if (result is null) return;
        done.Result = result;
        done.ExceptionHandled = true;
    }

    static async Task<IActionResult> ToModelState(PageHandlerExecutedContext done, ValidationException v)
    {
        var prefix = (done.HandlerInstance as IFormPage)?.ModelPrefix ?? "Input";
        foreach (var error in v.Errors)
            done.ModelState.AddModelError(prefix.Length == 0 ? error.PropertyName : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        return await Redisplay(done);
    }

    static async Task<IActionResult> ToFormError(PageHandlerExecutedContext done, string message)
    {
        done.ModelState.AddModelError(string.Empty, message);
        return await Redisplay(done);
    }

    static async Task<IActionResult> Redisplay(PageHandlerExecutedContext done)
    {
        if (done.HandlerInstance is not IFormPage page) return new PageResult();
        try
        {
            await page.OnFormRejectedAsync(done.HttpContext.RequestAborted);
        }
        // Reloading what the form needs can fail in its own right (a filter refused on a case that does not exist).
        catch (Exception e) when (ExceptionMapping.Map(e) is { } o)
        {
            return o.Status == StatusCodes.Status401Unauthorized ? new ChallengeResult() : new StatusCodeResult(o.Status);
        }
        return new PageResult();
    }
}

/// <summary>A page whose form posts a command: lets it reload what the redisplayed form needs.</summary>
public interface IFormPage
{
    string ModelPrefix => "Input";
    Task OnFormRejectedAsync(CancellationToken ct);
}
