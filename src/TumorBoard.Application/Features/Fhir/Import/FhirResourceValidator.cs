using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace TumorBoard.Application.Features.Fhir.Import;

/// <summary>
/// The Firely validator over the base R4 specification, loaded offline from specification.zip next to the app (package
/// Hl7.Fhir.Specification.Data.R4, referenced by the web project so the file is copied to its output and publish folder).
/// Built once per process (a singleton) on first use: its first validation loads and snapshots the definitions it needs
/// (seconds); later ones reuse them. The validator is not documented as thread-safe, so validations take turns.
/// </summary>
public sealed class FhirResourceValidator
{
    readonly Lazy<Validator> validator = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    readonly Lock turn = new();

    static Validator Build()
    {
        var resolver = new CachedResolver(new SnapshotSource(ZipSource.CreateValidationSource()));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    }

    /// <summary>The issues the base specification finds in <paramref name="resource"/> (cardinality, types, invariants, required bindings).</summary>
    public IReadOnlyList<FhirIssue> Validate(Resource resource)
    {
        OperationOutcome outcome;
        lock (turn) outcome = validator.Value.Validate(resource);
        return [.. outcome.Issue.Select(FromOutcome)];
    }

    /// <summary>
    /// An OperationOutcome issue in our shape: its severity code, its first FHIRPath expression (else its location), its
    /// text; where the parser also gave the place in the text ("line 1, position 2"), the message ends with it.
    /// </summary>
    public static FhirIssue FromOutcome(OperationOutcome.IssueComponent issue)
    {
        var expression = issue.Expression.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e));
        var place = issue.Location.FirstOrDefault(l => l?.StartsWith("line ", StringComparison.Ordinal) == true);
        var message = issue.Details?.Text ?? issue.Diagnostics ?? issue.Code?.ToString() ?? "Invalid";
        return new(
            (issue.Severity ?? OperationOutcome.IssueSeverity.Error).ToString().ToLowerInvariant(),
            expression ?? issue.Location.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l) && l != place) ?? "",
            place is null ? message : $"{message} ({place})");
    }
}
