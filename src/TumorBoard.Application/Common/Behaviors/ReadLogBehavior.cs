using Mediator;
using TumorBoard.Application.Common.Audit;

namespace TumorBoard.Application.Common.Behaviors;

/// <summary>
/// Records who opened which case (<see cref="CaseReadLog"/>) once the handler of an <see cref="ICaseRead"/> message has
/// answered (or the response of one whose result is an <see cref="ICaseReadResult"/>), and who opened which patient's
/// record (<see cref="IPatientRead"/>). Registered innermost, next to the handler: a read refused by AuthorizationBehavior or ValidationBehavior,
/// or one whose handler throws (NotFound, Forbidden), never got the case and writes nothing; AuditBehavior, outermost,
/// has already named the use case for the row. Other messages pass straight through.
/// </summary>
public sealed class ReadLogBehavior<TMessage, TResponse>(CaseReadLog log) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var response = await next(message, ct);
        if (message is ICaseRead read) await log.RecordAsync(read.CaseId, ct);
        else if (response is ICaseReadResult result) await log.RecordAsync(result.ReadCaseId, ct);
        else if (message is IPatientRead patient) await log.RecordPatientAsync(patient.PatientId, ct);
        return response;
    }
}
