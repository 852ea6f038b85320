using System.Reflection;
using Mediator;
using TumorBoard.Application.Common.Security;
using TumorBoard.Domain.Common;

namespace TumorBoard.Application.Common.Behaviors;

/// <summary>The single role check for every message: [RequiresRole] or [RequiresSignIn]; a message with neither is refused.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    static readonly string[] AllowedRoles =
        typeof(TMessage).GetCustomAttributes<RequiresRoleAttribute>().SelectMany(a => a.Roles).Distinct().ToArray();
    static readonly bool SignInOnly = typeof(TMessage).GetCustomAttribute<RequiresSignInAttribute>() is not null;

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (AllowedRoles.Length == 0 && !SignInOnly)
            throw new InvalidOperationException($"{typeof(TMessage).FullName} declares no authorization rule.");
        if (user.Id is null) throw new UnauthorizedAccessException("Sign-in required.");
        if (AllowedRoles.Length > 0 && !AllowedRoles.Any(user.IsInRole))
            throw new ForbiddenException(new RuleText("Auth.NeedsRole", RuleText.List(new RuleText("Word.Or"), AllowedRoles)));
        return next(message, ct);
    }
}
