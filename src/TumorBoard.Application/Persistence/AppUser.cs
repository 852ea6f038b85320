using Microsoft.AspNetCore.Identity;
using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Persistence;

/// <summary>A person who signs in. Never deleted: deactivated instead.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    /// <summary>Exactly one for a Specialist; none otherwise.</summary>
    public Discipline? Discipline { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The language the person chose for the pages (one of BoardCultures.Supported); none: the browser's, else the
    /// board's. Carried in the sign-in as a claim, so a new browser opens in it.</summary>
    public string? PreferredCulture { get; set; }
    /// <summary>PostgreSQL xmin: the account's ETag on the API (every change of the row, sign-in lockouts included, renews it).</summary>
    public uint Version { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }
    public AppRole(string name) : base(name) { Id = Guid.CreateVersion7(); NormalizedName = name.ToUpperInvariant(); }
}
