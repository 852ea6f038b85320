using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Status = code ?? (failed ? 500 : Response.StatusCode);
        Response.StatusCode = Status;
        TraceId = HttpContext.TraceIdentifier;
        (Title, Message) = Status switch
        {
            400 => ("The request could not be read", "Check what you entered and try again."),
            403 => ("Not allowed", "Your role does not allow this. If you think it should, ask an administrator."),
            404 => ("Not found", "There is nothing at this address. It may have been mistyped, or the record does not exist."),
            429 => ("Too many attempts", "Wait a minute before trying again."),
            _ => ("Something went wrong", "The error has been logged. Nothing was saved by the step that failed."),
        };
    }
}
