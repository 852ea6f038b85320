using System.Net;
using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Assessments.AssessmentTestData;

namespace TumorBoard.IntegrationTests.Assessments;

/// <summary>
/// SaveAssessmentDraft and ReviseAssessment serve all three disciplines: the content's type picks its validator and its
/// author, the messages keep the content's own field names, and the three typed routes keep their shape.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AssessmentCommandSetTests(AppFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    static string Url(Guid caseId, string rest = "") => $"/api/v1/cases/{caseId}/assessments{rest}";

    public static TheoryData<string, string> Disciplines() => new()
    {
        { "neurosurgery", AppFixture.Neurosurgeon },
        { "radiation-oncology", AppFixture.RadOnc },
        { "medical-oncology", AppFixture.MedOnc },
    };

    static AssessmentContent ContentOf(string slug) => slug switch
    {
        "neurosurgery" => Neurosurgery(),
        "radiation-oncology" => RadiationOncology(),
        _ => MedicalOncology(),
    };

    /// <summary>A content record that another type extends is not content: nothing would validate its own fields.</summary>
    sealed record ExtendedNeurosurgery : NeurosurgeryContent
    {
        public string? Extra { get; init; }
    }

    [Fact]
    public async Task Each_discipline_drafts_and_revises_through_the_same_two_commands_audited_under_their_names()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        foreach (var (email, content) in new (string, AssessmentContent)[]
                 { (AppFixture.Neurosurgeon, Neurosurgery()), (AppFixture.RadOnc, RadiationOncology()), (AppFixture.MedOnc, MedicalOncology()) })
        {
            var draft = await app.Send(email, Draft(caseId, content));
            draft.Discipline.ShouldBe(content.Discipline);
            draft.Created.ShouldBeTrue();
            var submitted = await app.Send(email, new SubmitAssessment.Command(caseId, content.Discipline));
            var revised = await app.Send(email, Revision(caseId, content with { Rationale = "Seen again after the MRI." }, "New MRI",
                submitted.Version));
            revised.Number.ShouldBe(3);
            var current = await app.Send(AppFixture.Clinician, new GetAssessmentVersion.Query(caseId, content.Discipline));
            current.Reason.ShouldBe("New MRI");
            current.Content.GetProperty("rationale").GetString().ShouldBe("Seen again after the MRI.");
        }

        var actions = await app.QueryDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Assessment)).Select(a => a.Action).Distinct().ToListAsync());
        actions.ShouldBe(["ReviseAssessment", "SaveAssessmentDraft", "SubmitAssessment"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_content_messages_keep_the_content_field_names_without_a_prefix()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);

        var ranges = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.MedOnc,
            Draft(caseId, MedicalOncology() with { Ecog = 7, Karnofsky = 75 })));
        ranges.Errors.Select(e => e.PropertyName).Order().ShouldBe(["Ecog", "Karnofsky"]);

        var lesion = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Neurosurgeon,
            Draft(caseId, Neurosurgery(escc: "1"))));
        lesion.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Lesions[0].Escc");

        // The input check every message passes first (enum values, text) names them the same way.
        var undefined = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Neurosurgeon,
            Draft(caseId, Neurosurgery() with { Lesions = [Lesion() with { Pain = (PainCharacter)99 }], Rationale = "a\u0000b" })));
        undefined.Errors.Select(e => e.PropertyName).Order().ShouldBe(["Lesions[0].Pain", "Rationale"]);

        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery()));
        var submitted = await app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        var reason = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Neurosurgeon,
            Revision(caseId, Neurosurgery() with { Frankel = (FrankelGrade)42 }, "", submitted.Version)));
        reason.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Frankel");   // the input check stops before the validators
        var noReason = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Neurosurgeon,
            Revision(caseId, Neurosurgery(), "", submitted.Version)));
        noReason.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(ReviseAssessment.Command.Reason));
    }

    [Fact]
    public async Task Only_one_of_the_three_content_records_is_content()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);

        var missing = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Neurosurgeon,
            new SaveAssessmentDraft.Command { CaseId = caseId }));
        missing.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Content");
        missing.Errors.Single().ErrorMessage.ShouldBe(InputCheck.NullPart);

        var extended = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Neurosurgeon,
            Draft(caseId, new ExtendedNeurosurgery { Extra = "not content" } with { Lesions = [Lesion()] })));
        extended.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Content");
        (await app.QueryDbAsync(db => db.Assessments.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Each_specialist_writes_only_the_content_of_their_own_discipline()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Neurosurgeon, Draft(caseId, MedicalOncology())));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.MedOnc, Draft(caseId, RadiationOncology())));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Coordinator, Draft(caseId, Neurosurgery())));

        await app.Send(AppFixture.Neurosurgeon, Draft(caseId, Neurosurgery()));
        var submitted = await app.Send(AppFixture.Neurosurgeon, new SubmitAssessment.Command(caseId, Discipline.Neurosurgery));
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.RadOnc,
            Revision(caseId, Neurosurgery(), "Not mine to revise", submitted.Version)));
        (await app.Send(AppFixture.Clinician, new GetAssessmentVersion.Query(caseId, Discipline.Neurosurgery))).Number.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Disciplines))]
    public async Task Each_revise_route_takes_the_flat_content_with_the_reason(string slug, string email)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(email);
        using var created = await client.PutAsync(Url(caseId, $"/{slug}/draft"), Api.Body(ContentOf(slug)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var submitted = await client.PostAsync(Url(caseId, $"/{slug}/submit"), null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = submitted.ETag();

        var body = System.Text.Json.JsonSerializer.SerializeToNode(ContentOf(slug), ContentOf(slug).GetType(), Api.Json)!.AsObject();
        body["rationale"] = "Seen again after the MRI.";
        using var noPrecondition = await client.PostAsync(Url(caseId, $"/{slug}/revise"), Api.Body(With(body, "New MRI")));
        await noPrecondition.ShouldBeProblemAsync((HttpStatusCode)428);
        using var noReason = await client.SendAsync(Api.Request(HttpMethod.Post, Url(caseId, $"/{slug}/revise"), With(body, ""), etag));
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["reason"]);
        using var badValue = await client.SendAsync(Api.Request(HttpMethod.Post, Url(caseId, $"/{slug}/revise"),
            With(body, "New MRI", ("rationale", "a\u0001b")), etag));
        (await badValue.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["rationale"]);

        using var revised = await client.SendAsync(Api.Request(HttpMethod.Post, Url(caseId, $"/{slug}/revise"), With(body, "New MRI"), etag));
        revised.StatusCode.ShouldBe(HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        var answer = await revised.ReadAsync();
        answer.GetProperty("number").GetInt32().ShouldBe(3);
        answer.GetProperty("reason").GetString().ShouldBe("New MRI");
        answer.GetProperty("content").GetProperty("rationale").GetString().ShouldBe("Seen again after the MRI.");
        answer.GetProperty("content").TryGetProperty("reason", out _).ShouldBeFalse();   // the reason is not content
        revised.ETag().ShouldNotBe(etag);
        using var stale = await client.SendAsync(Api.Request(HttpMethod.Post, Url(caseId, $"/{slug}/revise"), With(body, "Again"), etag));
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [MemberData(nameof(Disciplines))]
    public async Task A_missing_or_null_body_on_each_typed_route_is_refused_before_anything_is_saved(string slug, string email)
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        using var client = await app.ClientAsync(email);
        foreach (var (method, route) in new[] { (HttpMethod.Put, "draft"), (HttpMethod.Post, "revise") })
        {
            using var none = await client.SendAsync(new HttpRequestMessage(method, Url(caseId, $"/{slug}/{route}")));
            (await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["body"], $"{route}: no body");
            foreach (var text in new[] { "", "null" })
            {
                using var missing = await client.SendAsync(new HttpRequestMessage(method, Url(caseId, $"/{slug}/{route}"))
                    { Content = new StringContent(text, System.Text.Encoding.UTF8, "application/json") });
                (await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys().ShouldBe(["body"], $"{route}: '{text}'");
            }
        }
        (await app.QueryDbAsync(db => db.Assessments.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_draft_body_in_the_earlier_command_shape_with_caseId_and_expectedVersion_is_still_taken()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(MedicalOncology(), Api.Json)!.AsObject();
        body["caseId"] = Guid.NewGuid().ToString();   // the route's case counts, as it always did
        body["expectedVersion"] = null;
        using var client = await app.ClientAsync(AppFixture.MedOnc);
        using var created = await client.PutAsync(Url(caseId, "/medical-oncology/draft"), Api.Body(body));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().ShouldBe(Url(caseId, "/medical-oncology"));
        (await created.ReadAsync()).GetProperty("content").GetProperty("ecog").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Each_typed_draft_route_is_written_only_by_its_own_specialists()
    {
        var (_, caseId) = await TestData.RegisterCaseAsync(app);
        string?[] everyone = [AppFixture.Coordinator, AppFixture.Neurosurgeon, AppFixture.RadOnc, AppFixture.MedOnc, AppFixture.Clinician,
            AppFixture.Admin, null];
        foreach (var (slug, owner) in Disciplines().Select(row => ((string)row[0], (string)row[1])))
        {
            foreach (var who in everyone.Where(e => e != owner))
            {
                using var client = await app.ClientAsync(who);
                using var refused = await client.PutAsync(Url(caseId, $"/{slug}/draft"), Api.Body(ContentOf(slug)));
                await refused.ShouldBeProblemAsync(who is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
            }
            using var ownClient = await app.ClientAsync(owner);
            using var created = await ownClient.PutAsync(Url(caseId, $"/{slug}/draft"), Api.Body(ContentOf(slug)));
            created.StatusCode.ShouldBe(HttpStatusCode.Created, $"{slug} by {owner}");
        }
        (await app.QueryDbAsync(db => db.Assessments.CountAsync())).ShouldBe(3);
    }

    static JsonObject With(JsonObject content, string reason, params (string Name, string Value)[] changes)
    {
        var body = content.DeepClone().AsObject();
        body["reason"] = reason;
        foreach (var (name, value) in changes) body[name] = value;
        return body;
    }
}
