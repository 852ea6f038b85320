using TumorBoard.Domain.Security;

namespace TumorBoard.Application.Common.Security;

/// <summary>Who is acting. Commands never carry the actor; handlers read it from here.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }
    string? DisplayName { get; }
    Discipline? Discipline { get; }
    bool IsInRole(string role);

    Guid RequiredId => Id ?? throw new UnauthorizedAccessException("Sign-in required.");
}

/// <summary>Names the roles allowed to send a message; checked once, by AuthorizationBehavior.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Any signed-in user may send this message (explicit, so that no message is accidentally anonymous).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresSignInAttribute : Attribute;

public static class ClaimNames
{
    public const string Discipline = "tb:discipline";
    public const string DisplayName = "tb:name";
    /// <summary>The account's chosen language (AppUser.PreferredCulture), when it has one.</summary>
    public const string Culture = "tb:culture";
}
