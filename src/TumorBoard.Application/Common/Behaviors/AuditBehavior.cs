using Mediator;
using TumorBoard.Application.Common.Audit;

namespace TumorBoard.Application.Common.Behaviors;

/// <summary>Names the use case in the audit scope, so every row written during it says which action wrote it.</summary>
public sealed class AuditBehavior<TMessage, TResponse>(AuditScope scope) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    static readonly string ActionName = AuditScope.NameOf(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var previous = scope.Action;
        scope.Action = ActionName;
        try { return await next(message, ct); }
        finally { scope.Action = previous; }
    }
}
