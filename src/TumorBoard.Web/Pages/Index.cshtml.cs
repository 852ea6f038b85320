using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TumorBoard.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
