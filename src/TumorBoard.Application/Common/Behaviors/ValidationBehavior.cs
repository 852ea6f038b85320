using FluentValidation;
using Mediator;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Common.Behaviors;

/// <summary>
/// Runs the input check every message passes (<see cref="InputCheck"/>: text, enum values, null lists), then every
/// FluentValidation validator of the message; the only place validation happens. The input check comes first and alone:
/// validators may look values up in the database, which must never see text it cannot store.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var failures = InputCheck.Check(message);
        // A FHIR record (the import) is one resource: its text problems are FHIR issues too, so its 400 lists them as the
        // FHIR reader's own are listed (a UTF-16 body read as UTF-8 holds NULs between its characters, say).
        if (failures.Count > 0 && message is Features.Patients.IFhirRecord)
            throw new ValidationException(failures.Select(Features.Fhir.Import.FhirIssue.Carrying));
        if (failures.Count > 0) throw new ValidationException(failures);
        foreach (var validator in validators)
            failures.AddRange((await validator.ValidateAsync(message, ct)).Errors);
        if (failures.Count > 0) throw new ValidationException(failures);
        return await next(message, ct);
    }
}
