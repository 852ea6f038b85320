using System.Security.Claims;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.Auth;

/// <summary>The signed-in user of the current request (cookie or bearer token).</summary>
public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    ClaimsPrincipal? Principal => http.HttpContext?.User is { Identity.IsAuthenticated: true } u ? u : null;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? DisplayName => Principal?.FindFirstValue(ClaimNames.DisplayName) ?? Principal?.Identity?.Name;

    public Discipline? Discipline =>
        Enum.TryParse<Discipline>(Principal?.FindFirstValue(ClaimNames.Discipline), out var d) ? d : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;
}
