using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? TraceId { get; private set; }

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    void Describe(int? code)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error;
        if (code is < 400 or > 599) code = null;   // the query is the user's to type: only error statuses
        Status = code ?? (failure is null ? Response.StatusCode : DatabaseOutage.Is(failure) ? 503 : 500);
        Response.StatusCode = Status;
        if (Status == 503) DatabaseOutage.SetRetryAfter(Response);
        TraceId = HttpContext.TraceIdentifier;
        (Title, Message) = Status switch
        {
            400 => ("The request could not be read", "Check what you entered and try again."),
            403 => ("Not allowed", "Your role does not allow this. If you think it should, ask an administrator."),
            404 => ("Not found", "There is nothing at this address. It may have been mistyped, or the record does not exist."),
            409 => ("Already being saved",
                "This form was sent a moment ago and is still being saved, or its saving was interrupted. Open the record's page " +
                "to see whether it was saved before you enter it again."),
            413 => ("The request is too large", "What was sent is larger than TumorBoard accepts."),
            414 => ("The address is too long", "Shorten the search or filter and try again."),
            429 => ("Too many attempts", "Wait a minute before trying again."),
            431 => ("The request could not be read", "The request carries more header data than TumorBoard accepts."),
            503 => ("TumorBoard is temporarily unavailable",
                "The database cannot be reached at the moment. Try again in a few seconds; if you were saving something, " +
                "reload the page first to see whether it was saved."),
            _ => ("Something went wrong", "The error has been logged. Nothing was saved by the step that failed."),
        };
    }
}
