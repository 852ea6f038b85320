using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using TumorBoard.Application.Features.Fhir;

namespace TumorBoard.IntegrationTests.Fhir;

/// <summary>
/// The Firely validator over the base R4 specification (Hl7.Fhir.Specification.Data.R4's specification.zip, offline) plus
/// our own CodeSystem and extension definitions, as the app publishes them. Loading it takes seconds: one per test class.
/// </summary>
public sealed class FhirValidation
{
    public FhirOptions Options { get; } = new();
    readonly Validator validator;

    public FhirValidation()
    {
        var ours = new InMemoryResourceResolver([FhirDefinitions.CodeSystem(Options),
            .. FhirDefinitions.ExtensionNames.Select(n => (Resource)FhirDefinitions.Extension(Options, n)!)]);
        var resolver = new CachedResolver(new SnapshotSource(new MultiResolver(ours, ZipSource.CreateValidationSource())));
        validator = new Validator(resolver, new LocalTerminologyService(resolver));
    }

    public OperationOutcome Validate(Resource resource)
    {
        lock (validator) return validator.Validate(resource);
    }

    /// <summary>The errors (and fatal issues) of an outcome, each with where it was found.</summary>
    public static List<string> Errors(OperationOutcome outcome) =>
    [
        .. outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Details?.Text ?? i.Diagnostics} @ {string.Join(", ", i.Expression)}"),
    ];

    /// <summary>Validates and asserts 0 errors, printing them when there are some.</summary>
    public void ShouldBeValid(Resource resource)
    {
        var errors = Errors(Validate(resource));
        errors.ShouldBeEmpty(string.Join(Environment.NewLine, errors));
    }
}
