using System.Collections;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace TumorBoard.Web.Forms;

/// <summary>
/// Lets a form bind a collection property whose default is read-only, as the commands declare their lists
/// (<c>IReadOnlyList&lt;T&gt; X { get; init; } = []</c>, an empty array): MVC's collection binder copies what was posted
/// into the existing value and silently drops it when that value is read-only, so a ticked "Imaging" box arrived as "nothing
/// needed". With this, a read-only existing value is replaced by a new list of what was posted (nothing posted: the default stays).
/// </summary>
public sealed class ReadOnlyCollectionBinderProvider(IModelBinderProvider collections) : IModelBinderProvider
{
    /// <summary>Wraps MVC's <see cref="CollectionModelBinderProvider"/> in place.</summary>
    public static void Install(IList<IModelBinderProvider> providers)
    {
        var index = providers.ToList().FindIndex(p => p is CollectionModelBinderProvider);
        if (index < 0) throw new InvalidOperationException("MVC's collection model binder provider is not registered.");
        providers[index] = new ReadOnlyCollectionBinderProvider(providers[index]);
    }

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        collections.GetBinder(context) is { } binder ? new Binder(binder) : null;

    sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            if (bindingContext.Model is IList { IsReadOnly: true } or IList { IsFixedSize: true }) bindingContext.Model = null;
            return inner.BindModelAsync(bindingContext);
        }
    }
}
