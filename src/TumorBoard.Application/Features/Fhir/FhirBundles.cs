using Hl7.Fhir.Model;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>The two Bundles: one decision version as a document, a case's whole decision history as a collection.</summary>
public static class FhirBundles
{
    /// <summary>
    /// A signed (or superseded) decision version as a FHIR document: the Composition first, then what it refers to, and the
    /// Provenance. A draft is not a document yet (409).
    /// </summary>
    public static Bundle Document(FhirOptions options, CaseHistoryData data, BoardDecision decision, BoardClock clock)
    {
        if (decision.Status == DecisionStatus.Draft)
            throw new DomainConflictException(new RuleText("Fhir.DraftDecision", decision.Number));
        var b = new FhirBundleBuilder(options);
        var mapper = new DecisionFhirMapper(b, new FhirCaseResources(b, data.Case), data, decision, clock, history: false);
        mapper.Composition();
        mapper.Provenance();
        return new Bundle
        {
            Identifier = DecisionFhirMapper.DocumentIdentifier(decision.Id),
            Type = Bundle.BundleType.Document,
            Timestamp = clock.UtcNow,
            Entry = [.. b.Entries],
        };
    }

    /// <summary>
    /// Every decision version of the case (drafts as preliminary Compositions with a draft CarePlan), the Provenance of
    /// each signature, and a Procedure per follow-up record, with the patient, conditions and observations once.
    /// </summary>
    public static Bundle Collection(FhirOptions options, CaseHistoryData data, BoardClock clock)
    {
        var b = new FhirBundleBuilder(options);
        var resources = new FhirCaseResources(b, data.Case);
        resources.Patient();
        resources.PrimaryTumour();
        resources.BoneMetastasis();
        var mappers = data.Decisions.Select(d => new DecisionFhirMapper(b, resources, data, d, clock, history: true)).ToList();
        foreach (var mapper in mappers)
        {
            mapper.Composition();
            mapper.Provenance();
        }
        foreach (var mapper in mappers) mapper.Procedures();
        return new Bundle
        {
            Identifier = new Identifier(FhirVocabulary.Rfc3986, FhirBundleBuilder.UrlFor("CaseHistory", data.Case.Case.Id)),
            Type = Bundle.BundleType.Collection,
            Timestamp = clock.UtcNow,
            Entry = [.. b.Entries],
        };
    }
}
