using Mediator;
using TumorBoard.Application.Common.Audit;

namespace TumorBoard.Application.Common.Behaviors;

/// <summary>
/// Records who opened which case (<see cref="CaseReadLog"/>) once the handler of an <see cref="ICaseRead"/> message has
/// answered. Registered innermost, next to the handler: a read refused by AuthorizationBehavior or ValidationBehavior,
/// or one whose handler throws (NotFound, Forbidden), never got the case and writes nothing; AuditBehavior, outermost,
/// has already named the use case for the row. Other messages pass straight through.
/// </summary>
public sealed class ReadLogBehavior<TMessage, TResponse>(CaseReadLog log) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct) =>
        message is ICaseRead read ? AnswerThenRecord(read.CaseId, message, next, ct) : next(message, ct);

    async ValueTask<TResponse> AnswerThenRecord(Guid caseId, TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken ct)
    {
        var response = await next(message, ct);
        await log.RecordAsync(caseId, ct);
        return response;
    }
}
