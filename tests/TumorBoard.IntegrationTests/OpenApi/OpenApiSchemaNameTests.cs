using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using TumorBoard.IntegrationTests.Infrastructure;
using TumorBoard.Web.OpenApi;

namespace TumorBoard.IntegrationTests.OpenApi;

/// <summary>
/// Issue #12 item 1: every type the API reads or answers gets a schema name of its own (<see cref="SchemaNames"/>), so a
/// generated client never merges RegisterPatient's body with RegisterCase's because both are a nested <c>Command</c>.
/// The types come from the app's own API description (what the document is made from), walked through their properties.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiSchemaNameTests(AppFixture app)
{
    [Fact]
    public void No_two_types_the_api_reads_or_answers_share_a_schema_name()
    {
        var types = ApiTypes(app);
        types.Count.ShouldBeGreaterThan(50);
        var shared = types.GroupBy(SchemaNames.For).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}").ToList();
        shared.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_document_names_nested_records_after_their_use_case()
    {
        var schemas = (await DocumentAsync(app))["components"]!["schemas"]!.AsObject().Select(p => p.Key).ToList();
        schemas.ShouldContain("RegisterCaseCommand");
        schemas.ShouldContain("RegisterPatientCommand");
        schemas.ShouldContain("CaseDetails");
        schemas.ShouldContain("CaseClinicalDetails");
        schemas.ShouldContain("CaseListPage");
        schemas.ShouldContain("CaseListItem");
        schemas.ShouldContain("ComputeSinsQuery");
        schemas.ShouldNotContain("Command");
        schemas.ShouldNotContain("Result");
        schemas.ShouldNotContain("Query");
        schemas.ShouldNotContain("Row");
        schemas.ShouldAllBe(s => !s.StartsWith("PagedOf"));
        // Every schema is the name of one type the API uses: nothing named by the framework's default behind our back;
        // besides them only the FHIR resources we answer, which are no type of ours (the Firely SDK serializes them).
        var names = ApiTypes(app).Select(SchemaNames.For).ToHashSet();
        schemas.Where(s => !names.Contains(s)).Order().ShouldBe(Web.OpenApi.Examples.ApiExamples.FhirSchemas.Keys.Order());
    }

    [Fact]
    public void Names_follow_the_use_case_rules()
    {
        SchemaNames.For(typeof(Application.Features.Cases.RegisterCase.Command)).ShouldBe("RegisterCaseCommand");
        SchemaNames.For(typeof(Application.Features.Cases.GetCase.Result)).ShouldBe("CaseDetails");
        SchemaNames.For(typeof(Application.Features.Cases.GetCase.PatientSummary)).ShouldBe("CasePatientSummary");
        SchemaNames.For(typeof(Application.Common.Models.Paged<Application.Features.Cases.ListCases.Row>)).ShouldBe("CaseListPage");
        SchemaNames.For(typeof(Application.Features.Cases.ListCases.Row)).ShouldBe("CaseListItem");
        SchemaNames.For(typeof(Web.Api.CasesEndpoints.WithdrawBody)).ShouldBe("CaseWithdrawBody");
        SchemaNames.For(typeof(Domain.Cases.CaseStatus?)).ShouldBe("CaseStatus");
    }

    public static async Task<JsonNode> DocumentAsync(AppFixture app)
    {
        using var client = await app.ClientAsync(null);
        return JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
    }

    /// <summary>The types of every parameter and response of the API description, and the types of their properties.</summary>
    public static HashSet<Type> ApiTypes(AppFixture app)
    {
        var descriptions = app.App.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items);
        var types = new HashSet<Type>();
        foreach (var description in descriptions)
        {
            foreach (var parameter in description.ParameterDescriptions) Walk(parameter.Type, types);
            foreach (var response in description.SupportedResponseTypes) Walk(response.Type, types);
        }
        return types;
    }

    static void Walk(Type? type, HashSet<Type> types)
    {
        if (type is null) return;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) { Walk(type.GetElementType(), types); return; }
        if (Inline(type)) return;
        if (type == typeof(JsonElement)) { types.Add(type); return; }   // any JSON: a component of its own, no properties
        if (Dictionary(type) is { } value) { Walk(value, types); return; }
        if (type != typeof(string) && Element(type) is { } element) { Walk(element, types); return; }
        if (!types.Add(type)) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (property.GetIndexParameters().Length == 0 && property.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
                Walk(property.PropertyType, types);
        foreach (var derived in type.GetCustomAttributes<JsonDerivedTypeAttribute>()) Walk(derived.DerivedType, types);
    }

    /// <summary>What the document writes inline (no component): JSON primitives, and the framework's own plumbing.</summary>
    static bool Inline(Type type) =>
        type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateOnly)
        || type == typeof(TimeOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan)
        || type == typeof(Uri) || type == typeof(object) || typeof(JsonNode).IsAssignableFrom(type)
        || typeof(IResult).IsAssignableFrom(type) || typeof(Stream).IsAssignableFrom(type) || type == typeof(void);

    static Type? Dictionary(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            ?.GetGenericArguments()[1];

    static Type? Element(Type type) =>
        typeof(IEnumerable).IsAssignableFrom(type)
            ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0]
            : null;
}
