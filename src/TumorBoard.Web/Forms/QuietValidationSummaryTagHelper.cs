using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace TumorBoard.Web.Forms;

/// <summary>
/// Renders nothing for a validation summary with no message to show. The built-in one always emits an
/// empty &lt;li style="display:none"&gt;, which our Content-Security-Policy (no inline styles) refuses.
/// </summary>
[HtmlTargetElement("div", Attributes = "asp-validation-summary")]
public sealed class QuietValidationSummaryTagHelper : TagHelper
{
    public override int Order => 1000;   // after the built-in tag helper

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    [HtmlAttributeName("asp-validation-summary")] public ValidationSummary Summary { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        var hasMessages = Summary switch
        {
            ValidationSummary.All => !modelState.IsValid,
            ValidationSummary.ModelOnly => modelState.TryGetValue(string.Empty, out var entry) && entry.Errors.Count > 0,
            _ => false,
        };
        if (!hasMessages) output.SuppressOutput();
    }
}
