using System.Net;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Features.Fhir;
using TumorBoard.Domain.Decisions;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Decisions.DecisionTestData;
using Task = System.Threading.Tasks.Task;

namespace TumorBoard.IntegrationTests.Fhir;

/// <summary>Issue #13, part 1: a signed decision as a FHIR R4 document, the case history as a collection, validated offline.</summary>
[Collection(AppCollection.Name)]
public sealed class FhirExportTests(AppFixture app, FhirValidation fhir) : DatabaseTest(app), IClassFixture<FhirValidation>
{
    async Task<Bundle> GetBundleAsync(string url, string who = AppFixture.Clinician)
    {
        using var client = await app.ClientAsync(who);
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(FhirJson.MediaType);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        return FhirJson.Parse<Bundle>(await response.Content.ReadAsStringAsync());
    }

    static IEnumerable<T> All<T>(Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();

    /// <summary>Version 1 signed, amended (dose changed) and version 2 signed, then a follow-up on step 1 of version 2.</summary>
    async Task<(Guid CaseId, Guid V1, Guid V2)> AmendedAsync()
    {
        var (board, v1) = await SignedAsync(app);
        var content = await ContentAsync(app);
        var amended = content with { Plan = [content.Plan[0], content.Plan[1] with { DoseGy = 24m, Fractions = 2 }] };
        var v2 = await app.Send(AppFixture.Coordinator, new AmendDecision.Command { DecisionId = v1.Id, Reason = "Dose corrected", Content = amended });
        await SignAsync(app, v2.Id);
        await app.Send(AppFixture.Clinician, new RecordFollowUp.Command
            { DecisionId = v2.Id, StepNumber = 1, Status = FollowUpStatus.NotImplemented, Reason = DeviationReason.PatientWish, ReasonText = "Declined surgery." });
        return (board.CaseId, v1.Id, v2.Id);
    }

    [Fact]
    public async Task A_signed_decision_is_a_document_bundle_that_validates_without_errors()
    {
        var (board, signed) = await SignedAsync(app);

        var bundle = await GetBundleAsync(Url(signed.Id, "/fhir"));

        fhir.ShouldBeValid(bundle);
        bundle.Type.ShouldBe(Bundle.BundleType.Document);
        bundle.Identifier!.Value.ShouldBe($"urn:uuid:{signed.Id}");
        bundle.Timestamp.ShouldNotBeNull();
        var composition = bundle.Entry[0].Resource.ShouldBeOfType<Composition>();
        composition.Status.ShouldBe(CompositionStatus.Final);
        var chair = await app.QueryDbAsync(db => db.Users.Where(u => u.Email == Chair).Select(u => u.DisplayName).SingleAsync());
        var attester = composition.Attester.ShouldHaveSingleItem();
        attester.Mode.ShouldBe(Composition.CompositionAttestationMode.Legal);
        var party = bundle.Entry.Single(e => e.FullUrl == attester.Party!.Reference).Resource.ShouldBeOfType<Practitioner>();
        party.Name.ShouldHaveSingleItem().Text.ShouldBe(chair);
        composition.Section.Select(s => s.Code!.Coding[0].Code).ShouldBe(["section-decision", "section-assessments", "section-positions"]);
        composition.RelatesTo.ShouldBeEmpty();

        var patient = All<Patient>(bundle).ShouldHaveSingleItem();
        patient.Identifier.ShouldHaveSingleItem().Type!.Coding[0].Code.ShouldBe("MR");
        var metastasis = All<Condition>(bundle).Single(c => c.Code!.Coding.Any(x => x.Code == FhirVocabulary.BoneMetastasisSnomed));
        metastasis.BodySite.Select(s => s.Text).ShouldBe(["T11", "T12"]);
        metastasis.BodySite.Select(s => s.Coding.First(c => c.System == FhirVocabulary.Snomed).Code).ShouldBe(["52120002", "280849005"]);
        var observations = All<Observation>(bundle).ToList();
        observations.ShouldContain(o => o.Code!.Coding[0].Code == FhirVocabulary.EcogLoinc && ((Integer)o.Value!).Value == 1);
        observations.ShouldContain(o => o.Code!.Coding[0].Code == FhirVocabulary.KarnofskyLoinc && ((Integer)o.Value!).Value == 70);
        var sins = observations.Single(o => o.Code!.Coding[0].Code == "sins");
        sins.BodySite!.Text.ShouldBe("T5");
        sins.Component.Where(c => c.Value is Integer).Sum(c => ((Integer)c.Value!).Value).ShouldBe(((Integer)sins.Value!).Value);
        observations.ShouldContain(o => o.Code!.Coding[0].Code == "escc");
        observations.ShouldContain(o => o.Code!.Coding[0].Code == "tokuhashi-revised");
        observations.ShouldContain(o => o.Code!.Coding[0].Code == "tomita");

        var plan = All<CarePlan>(bundle).ShouldHaveSingleItem();
        (plan.Intent, plan.Status).ShouldBe((CarePlan.CarePlanIntent.Plan, RequestStatus.Active));
        plan.Activity.Select(a => a.Detail!.Code!.Coding[0].Code).ShouldBe(["plan-step-separation-surgery", "plan-step-sbrt-srs"]);
        plan.Addresses.Select(a => a.Reference).ShouldContain(bundle.Entry.Single(e => e.Resource == metastasis).FullUrl);
        plan.Extension.ShouldHaveSingleItem().Url.ShouldBe(fhir.Options.ExtensionUrl(FhirDefinitions.NomsConcordance));

        var provenance = All<Provenance>(bundle).ShouldHaveSingleItem();
        provenance.Target.Select(t => t.Reference).ShouldBe([bundle.Entry[0].FullUrl, bundle.Entry.Single(e => e.Resource == plan).FullUrl]);
        var signature = provenance.Signature.ShouldHaveSingleItem();
        var hash = await app.QueryDbAsync(db => db.Decisions.Where(d => d.Id == signed.Id).Select(d => d.SignedHash).SingleAsync());
        signature.GetStringExtension(fhir.Options.ExtensionUrl(FhirDefinitions.SignedContentSha256)).ShouldBe(hash);
        bundle.Entry.Select(e => e.FullUrl).ShouldBeUnique();
        _ = board;
    }

    [Fact]
    public async Task An_amendment_replaces_the_version_it_amends_and_both_documents_validate()
    {
        var (_, v1, v2) = await AmendedAsync();

        var first = await GetBundleAsync(Url(v1, "/fhir"), AppFixture.Coordinator);
        var second = await GetBundleAsync(Url(v2, "/fhir"), AppFixture.MedOnc);

        fhir.ShouldBeValid(first);
        fhir.ShouldBeValid(second);
        var relation = second.Entry[0].Resource.ShouldBeOfType<Composition>().RelatesTo.ShouldHaveSingleItem();
        relation.Code.ShouldBe(DocumentRelationshipType.Replaces);
        relation.Target.ShouldBeOfType<Identifier>().Value.ShouldBe(first.Identifier!.Value);
        All<CarePlan>(second).Single().Replaces.ShouldBeEmpty();   // the replaced plan is not in this document
        All<CarePlan>(first).Single().Status.ShouldBe(RequestStatus.Revoked);
        var step = All<CarePlan>(second).Single().Activity[0].Detail!;
        step.Status.ShouldBe(CarePlan.CarePlanActivityStatus.Cancelled);
        step.StatusReason!.Text.ShouldBe("Declined surgery.");
    }

    [Fact]
    public async Task The_case_history_is_a_collection_of_every_version_with_its_follow_ups_that_validates()
    {
        var (caseId, v1, v2) = await AmendedAsync();

        var bundle = await GetBundleAsync($"/api/v1/cases/{caseId}/history/export?format=fhir");

        fhir.ShouldBeValid(bundle);
        bundle.Type.ShouldBe(Bundle.BundleType.Collection);
        All<Composition>(bundle).Select(c => c.Identifier!.Value).ShouldBe([$"urn:uuid:{v1}", $"urn:uuid:{v2}"]);
        All<Provenance>(bundle).Count().ShouldBe(2);
        All<Patient>(bundle).ShouldHaveSingleItem();
        var procedure = All<Procedure>(bundle).ShouldHaveSingleItem();
        procedure.Status.ShouldBe(EventStatus.NotDone);
        var plan = bundle.Entry.Single(e => e.FullUrl == procedure.BasedOn.ShouldHaveSingleItem().Reference).Resource.ShouldBeOfType<CarePlan>();
        plan.Identifier[0].Value.ShouldBe($"urn:uuid:{v2}");
        procedure.BodySite.ShouldHaveSingleItem().Text.ShouldBe("T5");
        var replaced = plan.Replaces.ShouldHaveSingleItem().Reference;
        bundle.Entry.Single(e => e.FullUrl == replaced).Resource.ShouldBeOfType<CarePlan>().Identifier[0].Value.ShouldBe($"urn:uuid:{v1}");
    }

    [Fact]
    public async Task The_validator_catches_a_document_without_its_identifier_or_with_the_composition_not_first()
    {
        var (_, signed) = await SignedAsync(app);
        var bundle = await GetBundleAsync(Url(signed.Id, "/fhir"));

        var withoutIdentifier = (Bundle)bundle.DeepCopy();
        withoutIdentifier.Identifier = null;
        FhirValidation.Errors(fhir.Validate(withoutIdentifier)).ShouldContain(e => e.Contains("bdl-9"));

        var reordered = (Bundle)bundle.DeepCopy();
        var composition = reordered.Entry[0];
        reordered.Entry.RemoveAt(0);
        reordered.Entry.Add(composition);
        FhirValidation.Errors(fhir.Validate(reordered)).ShouldContain(e => e.Contains("bdl-11"));

        var unfinished = (Bundle)bundle.DeepCopy();
        ((Composition)unfinished.Entry[0].Resource!).Status = null;
        FhirValidation.Errors(fhir.Validate(unfinished)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task The_code_system_and_the_extensions_are_served_without_sign_in_and_validate()
    {
        using var anonymous = await app.ClientAsync(null);
        using var cs = await anonymous.GetAsync($"/api/v1/fhir/CodeSystem/{FhirVocabulary.CodeSystemId}");
        cs.StatusCode.ShouldBe(HttpStatusCode.OK);
        var codeSystem = FhirJson.Parse<CodeSystem>(await cs.Content.ReadAsStringAsync());
        codeSystem.Url.ShouldBe(fhir.Options.CodeSystemUrl);
        codeSystem.Concept.Select(c => c.Code).ShouldBeUnique();
        fhir.ShouldBeValid(codeSystem);

        foreach (var name in FhirDefinitions.ExtensionNames)
        {
            using var sd = await anonymous.GetAsync($"/api/v1/fhir/StructureDefinition/{name}");
            sd.StatusCode.ShouldBe(HttpStatusCode.OK);
            var definition = FhirJson.Parse<StructureDefinition>(await sd.Content.ReadAsStringAsync());
            definition.Url.ShouldBe(fhir.Options.ExtensionUrl(name));
            fhir.ShouldBeValid(definition);
        }
        using var unknown = await anonymous.GetAsync("/api/v1/fhir/StructureDefinition/nothing-here");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Who_may_read_the_decision_may_export_it_and_a_draft_is_no_document()
    {
        var board = await BoardAsync(app);
        var draft = await RecordAsync(app, board);
        foreach (var who in new[] { AppFixture.Coordinator, AppFixture.RadOnc, AppFixture.Clinician })
        {
            using var client = await app.ClientAsync(who);
            using var refused = await client.GetAsync(Url(draft.Id, "/fhir"));
            (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("draft");
        }
        await SignAsync(app, draft.Id);
        foreach (var who in new[] { AppFixture.Coordinator, AppFixture.RadOnc, AppFixture.Clinician })
            (await GetBundleAsync(Url(draft.Id, "/fhir"), who)).Type.ShouldBe(Bundle.BundleType.Document);

        using var admin = await app.ClientAsync(AppFixture.Admin);
        await (await admin.GetAsync(Url(draft.Id, "/fhir"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"/api/v1/cases/{board.CaseId}/history/export?format=fhir")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var anonymous = await app.ClientAsync(null);
        (await anonymous.GetAsync(Url(draft.Id, "/fhir"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var clinician = await app.ClientAsync(AppFixture.Clinician);
        await (await clinician.GetAsync(Url(Guid.NewGuid(), "/fhir"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await clinician.GetAsync($"/api/v1/cases/{board.CaseId}/history/export?format=pdf"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["format"]);
    }

    [Fact]
    public async Task Each_export_is_a_read_of_the_case_in_the_audit_trail()
    {
        var (board, signed) = await SignedAsync(app);
        var reader = await app.UserIdAsync(AppFixture.Clinician);
        var before = await app.QueryDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

        await GetBundleAsync(Url(signed.Id, "/fhir"));
        await GetBundleAsync($"/api/v1/cases/{board.CaseId}/history/export?format=fhir");

        var reads = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.Id > before && a.Operation == CaseReadLog.Operation)
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.EntityId, a.ActorId }).ToListAsync());
        reads.Select(r => r.Action).ShouldBe(["ExportDecisionFhir", "ExportCaseHistoryFhir"]);
        reads.ShouldAllBe(r => r.EntityId == board.CaseId.ToString() && r.ActorId == reader);
    }

    [Fact]
    public async Task The_decision_report_and_history_pages_link_to_the_fhir_files()
    {
        var (board, signed) = await SignedAsync(app);
        using var client = await PageClient.SignedInAsync(app, AppFixture.Clinician);

        var link = FhirLink(await client.GetStringAsync($"/Decisions/{signed.Id}"));
        FhirLink(await client.GetStringAsync($"/Decisions/{signed.Id}/Report")).ShouldBe(link);
        using var document = await client.GetAsync(link);
        document.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.Content.Headers.ContentType!.MediaType.ShouldBe(FhirJson.MediaType);
        (document.Content.Headers.ContentDisposition?.FileName?.Trim('"')).ShouldBe($"decision-{signed.Id}.fhir.json");
        fhir.ShouldBeValid(FhirJson.Parse<Bundle>(await document.Content.ReadAsStringAsync()));

        using var history = await client.GetAsync(FhirLink(await client.GetStringAsync($"/Cases/{board.CaseId}/History")));
        history.StatusCode.ShouldBe(HttpStatusCode.OK);
        (history.Content.Headers.ContentDisposition?.FileName?.Trim('"')).ShouldBe($"case-{board.CaseId}-history.fhir.json");
        FhirJson.Parse<Bundle>(await history.Content.ReadAsStringAsync()).Type.ShouldBe(Bundle.BundleType.Collection);
    }

    /// <summary>The href of the page's "download FHIR" link.</summary>
    static string FhirLink(string html)
    {
        var anchor = Regex.Match(html, "<a [^>]*id=\"download-fhir\"[^>]*>");
        anchor.Success.ShouldBeTrue("the page has no FHIR link");
        return WebUtility.HtmlDecode(Regex.Match(anchor.Value, "href=\"([^\"]+)\"").Groups[1].Value);
    }
}
