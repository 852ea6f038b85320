using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using TumorBoard.Web.Http;

namespace TumorBoard.Web.Forms;

/// <summary>
/// <c>&lt;form method="post" form-token&gt;</c>: adds the one-time form token (<see cref="FormTokenMiddleware"/>) as a
/// hidden field. A form shown anew gets a new token; a form redisplayed after a refused POST keeps the token it was sent
/// with (the refusal gave it back), so correcting and sending it again saves once.
/// </summary>
[HtmlTargetElement("form", Attributes = Attribute)]
public sealed class FormTokenTagHelper : TagHelper
{
    const string Attribute = "form-token";

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(Attribute);
        var request = ViewContext.HttpContext.Request;
        var token = HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.Form.TryGetValue(FormTokenMiddleware.Field, out var posted) && FormTokenMiddleware.IsValidToken(posted)
                ? posted.ToString()
                : Guid.NewGuid().ToString();
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "hidden";
        input.Attributes["name"] = FormTokenMiddleware.Field;
        input.Attributes["value"] = token;
        output.PostContent.AppendHtml(input);
    }
}
