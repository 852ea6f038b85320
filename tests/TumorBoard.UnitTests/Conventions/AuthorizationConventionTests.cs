using System.Reflection;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.UnitTests.Conventions;

/// <summary>
/// AuthorizationBehavior refuses, at run time, a message that declares no rule; these tests refuse it at build time, for
/// every message, before any test happens to send it.
/// </summary>
public sealed class AuthorizationConventionTests
{
    [Fact]
    public void The_reflection_finds_commands_and_queries_nested_in_their_use_cases()
    {
        Messages.All.ShouldContain(typeof(RegisterCase.Command));
        Messages.All.ShouldContain(typeof(GetPatient.Query));
        Messages.Queries.ShouldContain(typeof(GetPatient.Query));
        Messages.Queries.ShouldNotContain(typeof(RegisterCase.Command));
    }

    [Fact]
    public void Every_message_names_the_roles_allowed_or_says_any_signed_in_user()
    {
        var undeclared = Messages.All
            .Where(t => t.GetCustomAttributes<RequiresRoleAttribute>().Count() == 0 && t.GetCustomAttribute<RequiresSignInAttribute>() is null)
            .Select(Messages.Name).ToList();
        undeclared.ShouldBeEmpty("these messages need [RequiresRole(...)] or [RequiresSignIn]: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void No_message_says_both_any_signed_in_user_and_only_some_roles()
    {
        var both = Messages.All
            .Where(t => t.GetCustomAttributes<RequiresRoleAttribute>().Any() && t.GetCustomAttribute<RequiresSignInAttribute>() is not null)
            .Select(Messages.Name).ToList();
        both.ShouldBeEmpty("[RequiresRole] and [RequiresSignIn] together are ambiguous: " + string.Join(", ", both));
    }

    [Fact]
    public void Every_role_a_message_names_exists()
    {
        var unknown = Messages.All
            .SelectMany(t => t.GetCustomAttributes<RequiresRoleAttribute>().SelectMany(a => a.Roles).Select(r => (Message: t, Role: r)))
            .Where(x => !Roles.All.Contains(x.Role))
            .Select(x => $"{Messages.Name(x.Message)}: '{x.Role}'").ToList();
        unknown.ShouldBeEmpty("roles that no account can hold: " + string.Join(", ", unknown));
    }

    [Fact]
    public void A_role_attribute_names_at_least_one_role()
    {
        var empty = Messages.All.Where(t => t.GetCustomAttributes<RequiresRoleAttribute>().Any(a => a.Roles.Count == 0))
            .Select(Messages.Name).ToList();
        empty.ShouldBeEmpty("[RequiresRole()] with no role lets nobody through: " + string.Join(", ", empty));
    }
}
