using Hl7.Fhir.Model;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using static TumorBoard.Application.Features.Fhir.FhirBundleBuilder;
using W = TumorBoard.Domain.Common.DisplayWords;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>
/// One decision version as FHIR (docs/fhir-mapping.md): the Composition (the signed document), the CarePlan shaped as
/// the MII Tumorkonferenz profile, the Provenance with the signature, and a Procedure per recorded follow-up.
/// </summary>
/// <param name="history">The Bundle holds every version of the case (the collection), so the version an amendment replaces is in it.</param>
public sealed class DecisionFhirMapper(FhirBundleBuilder b, FhirCaseResources resources, CaseHistoryData data, BoardDecision d, BoardClock clock,
    bool history)
{
    readonly DecisionContent content = d.Content;
    ListingRow? Listing => data.Listing(d.AgendaItemId);

    /// <summary>What the document names as itself: this decision version.</summary>
    public static Identifier DocumentIdentifier(Guid decisionId) => new(FhirVocabulary.Rfc3986, $"urn:uuid:{decisionId}");

    bool Signed => d.SignedAt is not null;
    ResourceReference Author => !Signed ? b.Practitioner(d.CreatedById, d.CreatedByName)
        : d.IsEmergencyPlan ? Signatory(d.EmergencySignatures.OrderBy(s => s.SignedAt).First())
        : b.Practitioner(d.SignedById!.Value, d.SignerName!);

    ResourceReference Signatory(EmergencySignature s) => b.Practitioner(s.SignedById, s.SignerName);

    public ResourceReference Composition() => b.Add(UrlFor("Composition", d.Id), () =>
    {
        var composition = new Composition
        {
            Identifier = DocumentIdentifier(d.Id),
            Status = Signed ? CompositionStatus.Final : CompositionStatus.Preliminary,
            Type = new CodeableConcept(FhirVocabulary.Loinc, FhirVocabulary.ConsultNoteLoinc, "Consult note", FhirVocabulary.Decision.Display)
            {
                Coding = { new Coding(b.Options.CodeSystemUrl, FhirVocabulary.Decision.Code, FhirVocabulary.Decision.Display) },
            },
            Subject = resources.Patient(),
            Date = Instant(d.SignedAt ?? d.UpdatedAt),
            Author = [Author],
            Title = d.IsEmergencyPlan ? $"Emergency plan outside a meeting (MSCC fast track), version {d.Number}"
                : $"Spinal tumour board decision, version {d.Number}",
            // Board decision or emergency plan outside a meeting (issue #14 part 1).
            Category = [b.Ours(d.Kind)],
        };
        if (Signed && d.IsEmergencyPlan)
            foreach (var s in d.EmergencySignatures.OrderBy(s => s.SignedAt))
                composition.Attester.Add(new Composition.AttesterComponent
                {
                    Mode = Hl7.Fhir.Model.Composition.CompositionAttestationMode.Legal,
                    Time = Instant(s.SignedAt),
                    Party = Signatory(s),
                });
        else if (Signed)
            composition.Attester.Add(new Composition.AttesterComponent
            {
                Mode = Hl7.Fhir.Model.Composition.CompositionAttestationMode.Legal,
                Time = Instant(d.SignedAt!.Value),
                Party = Author,
            });
        if (d.AmendsId is { } amends)
            composition.RelatesTo.Add(new Composition.RelatesToComponent { Code = DocumentRelationshipType.Replaces, Target = DocumentIdentifier(amends) });
        var plan = CarePlan();
        composition.Section.Add(Section(FhirVocabulary.DecisionSection, DecisionLines(), [plan, resources.PrimaryTumour(), resources.BoneMetastasis()]));
        var basedOn = AssessmentsBasedOn();
        composition.Section.Add(Section(FhirVocabulary.AssessmentsSection, AssessmentLines(basedOn), resources.Observations(basedOn)));
        composition.Section.Add(Section(FhirVocabulary.PositionsSection, PositionLines(), []));
        return composition;
    }, $"Decision version {d.Number}");

    Composition.SectionComponent Section(FhirVocabulary.Concept code, IEnumerable<string> lines, IEnumerable<ResourceReference> entries) => new()
    {
        Title = code.Display,
        Code = b.Ours(code),
        Text = Narrative(lines),
        Entry = [.. entries],
    };

    /// <summary>Each discipline's submitted version when the decision was signed (the latest one for a draft).</summary>
    IReadOnlyList<(Assessment, AssessmentVersion)> AssessmentsBasedOn()
    {
        var until = d.SignedAt ?? DateTimeOffset.MaxValue;
        return [.. data.Assessments.OrderBy(a => a.Discipline)
            .Select(a => (a, a.Versions.Where(v => v.Kind != AssessmentVersionKind.Draft && v.CreatedAt <= until).MaxBy(v => v.Number)))
            .Where(x => x.Item2 is not null).Select(x => (x.a, x.Item2!))];
    }

    public ResourceReference CarePlan() => b.Add(UrlFor("CarePlan", d.Id), () =>
    {
        var plan = new CarePlan
        {
            Identifier = [DocumentIdentifier(d.Id)],
            Status = d.Status switch
            {
                DecisionStatus.Signed => RequestStatus.Active,
                DecisionStatus.Superseded => RequestStatus.Revoked,
                _ => RequestStatus.Draft,
            },
            Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
            Category = [b.Ours(content.Outcome)],
            Title = $"Tumour board plan, decision version {d.Number}",
            Description = string.IsNullOrWhiteSpace(content.Rationale) ? null : content.Rationale,
            Subject = resources.Patient(),
            Created = Date(clock.DateAt(Listing?.MeetingStartsAt ?? d.CreatedAt)),
            Author = Author,
            Addresses = [resources.BoneMetastasis(), resources.PrimaryTumour()],
        };
        if (content.Intent is { } intent) plan.Category.Add(b.Ours(intent));
        // Only a reference the Bundle resolves: a document names the version it replaces in Composition.relatesTo instead.
        if (history && d.AmendsId is { } amends)
            plan.Replaces.Add(Ref(UrlFor("CarePlan", amends), "The decision version this amendment replaces"));
        if (content.NomsConcordance is { } concordance)
            plan.Extension.Add(new Extension(b.Options.ExtensionUrl(FhirDefinitions.NomsConcordance), b.OursCoding(concordance)));
        if (content.DiscordanceReason is { } reason)
            plan.Extension.Add(new Extension(b.Options.ExtensionUrl(FhirDefinitions.NomsDiscordanceReason), b.Ours(reason, content.DiscordanceText)));
        var current = d.CurrentFollowUps();
        for (var i = 0; i < content.Plan.Count; i++) plan.Activity.Add(Activity(content.Plan[i], current[i]));
        foreach (var needed in content.InformationNeeded)
            plan.Activity.Add(new CarePlan.ActivityComponent { Detail = new CarePlan.DetailComponent
            {
                Code = b.Ours(needed), Status = Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted,
                Description = content.InformationNeededDetails,
            } });
        foreach (var note in Notes()) plan.Note.Add(new Annotation { Text = new Markdown(note) });
        return plan;
    }, $"Plan of decision version {d.Number}");

    CarePlan.ActivityComponent Activity(PlanStep step, DecisionFollowUp? followUp) => new()
    {
        Detail = new CarePlan.DetailComponent
        {
            Code = b.Ours(step.Kind!.Value),
            Status = followUp?.Status switch
            {
                FollowUpStatus.Implemented => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Completed,
                FollowUpStatus.PartiallyImplemented => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Stopped,
                FollowUpStatus.NotImplemented => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Cancelled,
                FollowUpStatus.Unknown => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Unknown,
                _ => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted,
            },
            StatusReason = followUp?.Reason is { } r ? b.Ours(r, followUp.ReasonText) : null,
            Scheduled = step.Timing is { } t ? new FhirString(W.Of(t)) : null,
            Description = step.Details is null ? step.Summary : $"{step.Summary}. {step.Details}",
            ReasonReference = step.TargetLevels.Count > 0 ? [resources.BoneMetastasis()] : [],
        },
    };

    IEnumerable<string> Notes()
    {
        if (content.PatientPreferences is { } preferences) yield return $"Patient's preferences: {preferences}";
        if (content.PatientPreferencesNotAvailable)
            yield return $"Patient's preferences not available{(content.PatientPreferencesNotAvailableReason is { } why ? $": {why}" : ".")}";
        if (d.ResponsibleClinicianName is { } clinician) yield return $"Responsible clinician: {clinician}";
        if (content.FollowUpDate is { } due) yield return $"Follow-up review due {Date(due)}";
    }

    IEnumerable<string> DecisionLines()
    {
        yield return Listing is { } listing
            ? $"Version {d.Number} ({W.Of(d.Status)}), meeting {listing.MeetingTitle} on {Date(clock.DateAt(listing.MeetingStartsAt))}."
            : $"Version {d.Number} ({W.Of(d.Status)}), emergency plan outside a meeting, recorded on {Date(clock.DateAt(d.CreatedAt))}.";
        if (d.AmendsId is not null) yield return $"Amendment: {d.AmendmentReason}";
        yield return $"Outcome: {W.Of(content.Outcome)}";
        if (content.Intent is { } intent) yield return $"Intent: {W.Of(intent)}";
        for (var i = 0; i < content.Plan.Count; i++) yield return $"Step {i + 1}: {content.Plan[i].Summary}";
        foreach (var needed in content.InformationNeeded) yield return $"Information needed: {W.Of(needed)}";
        yield return $"Rationale: {content.Rationale}";
        if (content.NomsConcordance is { } c)
            yield return $"NOMS: {W.Of(c)}{(content.DiscordanceReason is { } r ? $", {W.Of(r)}" : "")}{(content.DiscordanceText is { } t ? $" ({t})" : "")}";
        foreach (var note in Notes()) yield return note;
        if (Signed) yield return $"Signed by {d.SignerName}, {d.SignatureMeaning}, at {Instant(d.SignedAt!.Value)}; SHA-256 {d.SignedHash}.";
    }

    IEnumerable<string> AssessmentLines(IReadOnlyList<(Assessment Assessment, AssessmentVersion Version)> basedOn)
    {
        foreach (var (a, v) in basedOn)
            yield return $"{W.Of(a.Discipline)}: version {v.Number} by {v.AuthorName}, {Instant(v.CreatedAt)}.";
        foreach (var w in d.Waivers) yield return $"{W.Of(w.Discipline)} waived by {w.WaivedByName}: {w.Reason}";
        if (basedOn.Count == 0 && d.Waivers.Count == 0) yield return "No submitted assessment.";
    }

    IEnumerable<string> PositionLines()
    {
        var hash = DecisionHash.Content(d);
        foreach (var p in d.Positions.OrderBy(p => p.RecordedAt))
            yield return $"{p.MemberName}{(p.Discipline is { } disc ? $" ({W.Of(disc)})" : "")}: {W.Of(p.Kind)}"
                + $"{(p.Text is { } t ? $": {t}" : "")}{(p.ContentHash != hash ? " (on an earlier draft)" : "")}";
        if (d.Positions.Count == 0) yield return "No positions recorded.";
        else if (d.Positions.Any(p => p.Kind == PositionKind.Disagree)) yield return "The decision was made with dissent.";
    }

    /// <summary>The signature: Provenance of the Composition and the CarePlan (signed versions only).</summary>
    public void Provenance()
    {
        if (!Signed) return;
        b.Add(UrlFor("Provenance", d.Id), () =>
        {
            var signature = new Signature
            {
                Type = [new Coding(FhirVocabulary.AstmSignature, FhirVocabulary.VerificationSignature, "Verification Signature")],
                When = d.SignedAt!.Value.ToUniversalTime(),
                Who = Author,
            };
            signature.Extension.Add(new Extension(b.Options.ExtensionUrl(FhirDefinitions.SignedContentSha256), new FhirString(d.SignedHash)));
            return new Provenance
            {
                Target = [Composition(), CarePlan()],
                Recorded = d.SignedAt!.Value.ToUniversalTime(),
                Agent = [new Provenance.AgentComponent
                {
                    Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "attester", "Attester"),
                    Who = Author,
                }],
                Signature = [signature],
            };
        });
    }

    /// <summary>What was actually done: one Procedure per follow-up record, basedOn the CarePlan.</summary>
    public void Procedures()
    {
        foreach (var f in d.FollowUps.OrderBy(f => f.RecordedAt))
        {
            var step = content.Plan[f.StepNumber - 1];
            b.Add(UrlFor("Procedure", f.Id), () => new Procedure
            {
                Identifier = [new Identifier(FhirVocabulary.Rfc3986, $"urn:uuid:{f.Id}")],
                BasedOn = [CarePlan()],
                Status = f.Status switch
                {
                    FollowUpStatus.Implemented => EventStatus.Completed,
                    FollowUpStatus.PartiallyImplemented => EventStatus.Stopped,
                    FollowUpStatus.NotImplemented => EventStatus.NotDone,
                    _ => EventStatus.Unknown,
                },
                StatusReason = f.Reason is { } r ? b.Ours(r, f.ReasonText) : null,
                Code = b.Ours(step.Kind!.Value, step.Summary),
                Subject = resources.Patient(),
                Recorder = b.Practitioner(f.RecordedById, f.RecordedByName),
                BodySite = [.. step.TargetLevels.Select(b.Level)],
                Note = f.Note is { } note ? [new Annotation { Text = new Markdown(note), Time = Instant(f.RecordedAt) }] : [],
            });
        }
    }
}
