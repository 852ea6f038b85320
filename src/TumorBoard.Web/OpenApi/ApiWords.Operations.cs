namespace TumorBoard.Web.OpenApi;

public static partial class ApiWords
{
    /// <summary>
    /// The description of each operation by its operation id (an endpoint's own <c>WithDescription</c> wins).
    /// <c>OpenApiDocumentTests</c> fails for an operation with none, so a new endpoint is described when it is added.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Operations = new Dictionary<string, string>
    {
    };
}
