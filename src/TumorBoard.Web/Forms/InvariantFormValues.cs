using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TumorBoard.Web.Forms;

/// <summary>
/// Form posts read in the invariant culture, whatever the page's language (issue #15 part 1; README "Languages").
/// ASP.NET Core's own form value provider parses with the request's culture, so on a French page a dose of 8.5 Gy from
/// <c>&lt;input type="number"&gt;</c> (browsers always send "8.5") would be refused ("," is the fr-CH decimal separator),
/// and a de-CH "1’000" rule would differ from it-CH's. Our forms send machine values only — number inputs ("."), date
/// inputs (ISO), option values (member names) — so the invariant culture is the one they are written in.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ActionContext.HttpContext.Request.HasFormContentType ? AddAsync(context) : Task.CompletedTask;
    }

    static async Task AddAsync(ValueProviderFactoryContext context)
    {
        IFormCollection form;
        try
        {
            form = await context.ActionContext.HttpContext.Request.ReadFormAsync();
        }
        catch (InvalidDataException e)
        {
            // As the framework's factory does: a malformed body (too many fields, a part too large) is the client's, a 400.
            throw new ValueProviderException($"Failed to read the request form. {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ValueProviderException($"Failed to read the request form. {e.Message}", e);
        }
        context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
    }

    /// <summary>Puts this factory where the framework's form value provider factory was.</summary>
    public static void Install(IList<IValueProviderFactory> factories)
    {
        var index = factories.ToList().FindIndex(f => f is FormValueProviderFactory);
        if (index < 0) factories.Insert(0, new InvariantFormValueProviderFactory());
        else factories[index] = new InvariantFormValueProviderFactory();
    }
}
