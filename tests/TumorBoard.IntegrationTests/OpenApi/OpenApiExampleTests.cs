using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.OpenApi.Examples;

namespace TumorBoard.IntegrationTests.OpenApi;

/// <summary>
/// Issue #12 item 4, the examples (<see cref="ApiExamples"/>): every JSON request body, JSON success answer and problem answer
/// of the served document has one; each is its type (it deserializes with unknown members refused and serializes back the
/// same), is keyed to the operations that read or answer that type, and each request passes its command's validator at the
/// moment of the story it is sent. The create examples are sent to the app as they stand in the document.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiExampleTests(AppFixture app)
{
    JsonSerializerOptions AppJson => app.App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    static IEnumerable<(string At, JsonObject Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!.AsObject());

    /// <summary>The API's operations by id, from the app's own API description (what the document is made from).</summary>
    Dictionary<string, ApiDescription> Descriptions() =>
        app.App.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Select(d => (Name: d.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName, d))
            .Where(x => x.Name is not null)
            .ToDictionary(x => x.Name!, x => x.d);

    [Fact]
    public async Task Every_JSON_request_success_and_problem_body_of_the_document_has_an_example()
    {
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        List<string> missing = [];
        var requests = 0;
        var successes = 0;
        foreach (var (at, operation) in Operations(document))
        {
            foreach (var media in new[] { "application/json", TumorBoard.Application.Features.Fhir.FhirJson.MediaType })
                if (operation["requestBody"]?["content"]?[media] is JsonObject request)
                {
                    requests++;
                    if (request["example"] is null) missing.Add($"{at}: request example ({media})");
                }
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (status.StartsWith('2') && response!["content"]?["application/json"] is JsonObject success)
                {
                    successes++;
                    if (success["example"] is null) missing.Add($"{at} {status}: response example");
                }
                if (status[0] is '4' or '5' && response!["content"]?["application/problem+json"] is JsonObject problem)
                {
                    if (problem["example"] is not JsonObject example) missing.Add($"{at} {status}: problem example");
                    else if (example["status"]?.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture) != status)
                        missing.Add($"{at} {status}: the problem example has status {example["status"]}");
                }
            }
        }
        missing.ShouldBeEmpty();
        requests.ShouldBeGreaterThan(35);
        successes.ShouldBeGreaterThan(65);

        var register = Operation(document, "/api/v1/cases", "post");
        var validation = register["responses"]!["400"]!["content"]!["application/problem+json"]!["example"]!;
        validation["errors"]!["lesions[0].imagingDate"]!.AsArray().ShouldNotBeEmpty();   // camelCase field paths, as the app answers
        register["responses"]!["404"]?["content"]?["application/problem+json"]?["example"]?["title"]?.GetValue<string>().ShouldBe("Not found");
        var body = register["requestBody"]!["content"]!["application/json"]!["example"]!;
        body["histology"]!.GetValue<string>().ShouldBe("Breast");                      // enums as their names
        body["lesions"]![0]!["levelFrom"]!.GetValue<string>().ShouldBe("T10");
        body["diagnosisDate"]!.GetValue<string>().ShouldBe("2019-06-03");              // dates as ISO dates
    }

    [Fact]
    public async Task Each_example_is_its_type_and_is_keyed_to_the_operations_that_read_or_answer_it()
    {
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        var operations = Operations(document).ToDictionary(o => o.Operation["operationId"]!.GetValue<string>(), o => o.Operation);
        var descriptions = Descriptions();
        var strict = new JsonSerializerOptions(AppJson) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        List<string> wrong = [];

        foreach (var (id, request) in ApiExamples.Requests)
        {
            if (!descriptions.TryGetValue(id, out var description)) { wrong.Add($"{id}: no such operation"); continue; }
            var type = ApiExamples.BodyType(description);
            if (type != request.Body.GetType()) wrong.Add($"{id}: the body is {type}, the example {request.Body.GetType()}");
            var served = operations[id]["requestBody"]!["content"]!["application/json"]!["example"];
            if (!JsonNode.DeepEquals(served, JsonSerializer.SerializeToNode(request.Body, request.Body.GetType(), AppJson)))
                wrong.Add($"{id}: the document's request example is not the example");
            RoundTrip(id, request.Body.GetType(), request.Body, strict, wrong);
        }

        HashSet<Type> answered = [];
        foreach (var (id, description) in descriptions)
            foreach (var response in description.SupportedResponseTypes.Where(r => r.StatusCode is >= 200 and < 300 && r.Type is not null))
            {
                answered.Add(response.Type!);
                var media = operations[id]["responses"]![response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"];
                if (media is null) continue;
                if (ApiExamples.SuccessExample(id, response.StatusCode, response.Type) is not (_, { } value)) { wrong.Add($"{id} {response.StatusCode}: no example for {response.Type}"); continue; }
                if (!JsonNode.DeepEquals(media["example"], JsonSerializer.SerializeToNode(value, response.Type!, AppJson)))
                    wrong.Add($"{id} {response.StatusCode}: the document's example is not the example of {response.Type}");
            }
        foreach (var (type, value) in ApiExamples.Responses)
        {
            if (!answered.Contains(type)) wrong.Add($"{type}: no operation answers it (a stale example)");
            RoundTrip(type.Name, type, value, strict, wrong);
        }
        foreach (var ((id, status), value) in ApiExamples.StatusResponses)
        {
            var type = descriptions.TryGetValue(id, out var d) ? ApiExamples.SuccessType(d, status.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
            if (type != value.GetType()) { wrong.Add($"{id} {status}: answers {type}, the example is {value.GetType()}"); continue; }
            RoundTrip($"{id} {status}", type, value, strict, wrong);
        }
        // FHIR bodies: each is FHIR (the SDK parses it), keyed to an operation that takes application/fhir+json, and served.
        foreach (var (id, fhir) in ApiExamples.FhirRequests)
        {
            var served = operations.GetValueOrDefault(id)?["requestBody"]?["content"]?[TumorBoard.Application.Features.Fhir.FhirJson.MediaType]?["example"];
            if (served is null) { wrong.Add($"{id}: takes no FHIR body, or the document lacks its example"); continue; }
            if (!JsonNode.DeepEquals(served, JsonNode.Parse(fhir))) wrong.Add($"{id}: the document's FHIR example is not the example");
            try { TumorBoard.Application.Features.Fhir.FhirJson.Parse<Hl7.Fhir.Model.Resource>(fhir); }
            catch (Exception e) { wrong.Add($"{id}: the FHIR example does not parse: {e.Message}"); }
        }
        ApiExamples.Requests.Keys.Order().ShouldBe(
            operations.Where(o => o.Value["requestBody"]?["content"]?["application/json"] is not null).Select(o => o.Key).Order());
        wrong.ShouldBeEmpty();
    }

    /// <summary>Serialized, read back with unknown members refused and serialized again, the example does not change.</summary>
    static void RoundTrip(string name, Type type, object value, JsonSerializerOptions strict, List<string> wrong)
    {
        var json = JsonSerializer.SerializeToNode(value, type, strict);
        try
        {
            var back = JsonSerializer.Deserialize(json, type, strict);
            if (!JsonNode.DeepEquals(json, JsonSerializer.SerializeToNode(back, type, strict)))
                wrong.Add($"{name}: does not round-trip: {json!.ToJsonString()}");
        }
        catch (JsonException e)
        {
            wrong.Add($"{name}: does not deserialize as {type.Name}: {e.Message}");
        }
    }

    [Fact]
    public async Task Every_request_example_passes_its_commands_validator_at_its_moment_in_the_story()
    {
        await app.ResetAsync();
        await BoardMembersOfTheExamplesAsync();
        List<string> failures = [];
        foreach (var moment in ApiExamples.Requests.GroupBy(r => r.Value.At))
        {
            await using var frozen = app.App.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
                s.AddSingleton<TimeProvider>(new FakeTimeProvider(moment.Key))));
            await using var scope = frozen.Services.CreateAsyncScope();
            foreach (var (id, request) in moment)
            {
                var type = request.Message.GetType();
                if (type.GetInterfaces().All(i => i != typeof(Mediator.IMessage)))
                {
                    type.ShouldBe(typeof(TumorBoard.Web.Api.AuthEndpoints.TokenRequest), $"{id}: the message is no command or query");
                    continue;
                }
                var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>().ToList();
                if (validators.Count == 0) failures.Add($"{id}: {type} has no validator");
                var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(type), request.Message)!;
                foreach (var validator in validators)
                    foreach (var error in (await validator.ValidateAsync(context)).Errors)
                        failures.Add($"{id}: {error.PropertyName}: {error.ErrorMessage}");
            }
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>The chair and specialists the meeting examples name, as active accounts (validators check them).</summary>
    async Task BoardMembersOfTheExamplesAsync()
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<TumorBoard.Application.Persistence.AppUser>>();
        foreach (var (id, name, discipline) in new[]
        {
            (ApiExamples.ChairId, ApiExamples.ChairName, Domain.Security.Discipline.RadiationOncology),
            (ApiExamples.NeurosurgeonId, ApiExamples.NeurosurgeonName, Domain.Security.Discipline.Neurosurgery),
            (ApiExamples.RadiationOncologistId, ApiExamples.RadiationOncologistName, Domain.Security.Discipline.RadiationOncology),
            (ApiExamples.MedicalOncologistId, ApiExamples.MedicalOncologistName, Domain.Security.Discipline.MedicalOncology),
        })
        {
            if (await users.FindByIdAsync(id.ToString()) is not null) continue;
            var email = $"example-{id:N}@ksz.example";
            var user = new TumorBoard.Application.Persistence.AppUser
            {
                Id = id, UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Discipline = discipline,
                CreatedAt = ApiExamples.AsOf,
            };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Domain.Security.Roles.Specialist)).Succeeded.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task The_patient_and_case_examples_of_the_document_register_a_patient_and_a_case()
    {
        await app.ResetAsync();
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        using var coordinator = await app.ClientAsync(AppFixture.Coordinator);

        var patient = Operation(document, "/api/v1/patients", "post")["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone();
        using var registered = await coordinator.PostAsync("/api/v1/patients", JsonContent.Create(patient));
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var patientId = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var tumorCase = Operation(document, "/api/v1/cases", "post")["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone();
        tumorCase["patientId"] = patientId;   // the example's patient is the one just registered
        using var created = await coordinator.PostAsync("/api/v1/cases", JsonContent.Create(tumorCase));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var answer = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        answer["details"]!["lesions"]![0]!["levels"]!.GetValue<string>().ShouldBe("T10");
        answer["missingForBoard"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_FHIR_import_example_registers_the_example_patient_with_the_examples_case_draft_then_finds_her()
    {
        await app.ResetAsync();
        TumorBoard.IntegrationTests.Fhir.FhirRecords.WarmUpValidator(app);
        var document = await OpenApiSchemaNameTests.DocumentAsync(app);
        var import = Operation(document, "/api/v1/patients/$import", "post");
        var record = import["requestBody"]!["content"]![TumorBoard.Application.Features.Fhir.FhirJson.MediaType]!["example"]!.ToJsonString();
        using var coordinator = await app.ClientAsync(AppFixture.Coordinator);
        StringContent Fhir() => new(record, System.Text.Encoding.UTF8, TumorBoard.Application.Features.Fhir.FhirJson.MediaType);

        using var created = await coordinator.PostAsync("/api/v1/patients/$import", Fhir());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var answer = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var example = import["responses"]!["201"]!["content"]!["application/json"]!["example"]!;
        JsonNode.DeepEquals(answer["caseDraft"], example["caseDraft"]).ShouldBeTrue($"{answer["caseDraft"]} is not the example's {example["caseDraft"]}");
        foreach (var field in new[] { "mrn", "familyName", "givenName", "dateOfBirth", "sex" })
            answer["patient"]![field]!.ToJsonString().ShouldBe(example["patient"]![field]!.ToJsonString(), field);

        using var found = await coordinator.PostAsync("/api/v1/patients/$import", Fhir());
        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await found.Content.ReadFromJsonAsync<JsonObject>())!["created"]!.GetValue<bool>().ShouldBeFalse();

        var invalid = import["responses"]!["400"]!["content"]!["application/problem+json"]!["example"]!;
        invalid["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["resource"]);
        invalid["issues"]!.AsArray().Select(i => i!["location"]!.GetValue<string>()).ShouldBe(["Patient.identifier", "Patient.birthDate"]);
    }

    static JsonNode Operation(JsonNode document, string path, string method) => document["paths"]![path]![method]!;
}
