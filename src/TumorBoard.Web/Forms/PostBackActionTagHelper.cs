using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;

namespace TumorBoard.Web.Forms;

/// <summary>
/// <c>&lt;form method="post"&gt;</c> without an action posts back to the page's own address, query string included. After a
/// "More … rows" post without JavaScript (issue #17 item 11) that address is <c>?handler=MoreRows</c>, so the next Save
/// would only add rows again. Such a form gets the page's address without the <c>handler</c> parameter as its action;
/// the other query parameters (the case, the meeting) stay. A form that names its action or its handler is left alone.
/// </summary>
[HtmlTargetElement("form", Attributes = "[method=post]")]
public sealed class PostBackActionTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    // After FormTagHelper, which writes the action of a form with asp-page, asp-page-handler or asp-route-*.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("action")) return;
        var request = ViewContext.HttpContext.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        if (!query.ContainsKey("handler")) return;
        var kept = query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        var action = QueryHelpers.AddQueryString((request.PathBase + request.Path).ToString(), kept);
        output.Attributes.SetAttribute("action", action);
    }
}
