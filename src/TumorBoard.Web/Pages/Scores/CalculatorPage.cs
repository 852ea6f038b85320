using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TumorBoard.Web.Errors;

namespace TumorBoard.Web.Pages.Scores;

/// <summary>
/// A calculator page: a plain GET form bound to the same query the API sends. Nothing is stored, so GET is
/// safe and bookmarkable. Rule failures (ValidationException) come back as field messages through
/// MediatorExceptionPageFilter (ModelState "Input.&lt;field&gt;"); binding errors stop the calculation here.
/// </summary>
public abstract class CalculatorPage<TQuery, TResult>(ISender sender) : PageModel
    where TQuery : class, IQuery<TResult>, new()
    where TResult : class
{
    [BindProperty(SupportsGet = true)]
    public TQuery Input { get; set; } = new();

    public TResult? Result { get; private set; }

    /// <summary>True once the form was sent (any Input.* parameter), so an empty first visit shows no "missing" list.</summary>
    public bool Submitted => Request.Query.Keys.Any(k => k.StartsWith("Input.", StringComparison.OrdinalIgnoreCase));

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Submitted || !ModelState.IsValid) return;
        Result = await sender.Send(Input, ct);
    }
}
