using TumorBoard.Application.Features.Fhir.Import;

namespace TumorBoard.UnitTests.Fhir;

/// <summary>The FHIR record's JSON text, before the SDK reads it: what that parser lets through is an issue at its FHIRPath.</summary>
public sealed class FhirJsonTextTests
{
    public static TheoryData<string, string, string, string> Problems() => new()
    {
        { "a second resourceType (the SDK keeps the first)", """{"resourceType":"Patient","gender":"female","resourceType":"Bundle"}""", "Patient.resourceType", "given twice" },
        { "a property twice deeper down", """{"resourceType":"Bundle","entry":[{},{"resource":{"resourceType":"Patient","birthDate":"1961-04-12","birthDate":"1961-04-21"}}]}""",
            "Bundle.entry[1].resource.birthDate", "given twice" },
        { "a NUL in the resource type", "{\"resourceType\":\"Pat\\u0000ient\"}", "resourceType", "U+0000" },
        { "a bell in a name", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Mus\\u0007ter\"}]}", "Patient.name[0].family", "U+0007" },
        { "a C1 control in a given name", "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"Anna\",\"Ma\\u0085ria\"]}]}", "Patient.name[0].given[1]", "U+0085" },
        { "an unpaired surrogate", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"half \\ud800 a pair\"}]}", "Patient.name[0].family", "unpaired surrogate" },
        { "not JSON", """{"resourceType": "Patient", """, "", "not well-formed JSON" },
        { "nested past 64 levels", new string('[', 70) + new string(']', 70), "", "not well-formed JSON" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Finds_what_the_parser_would_let_through_at_its_fhirpath(string why, string json, string location, string words)
    {
        var issue = FhirJsonText.FirstProblem(json).ShouldNotBeNull(why);
        issue.Blocks.ShouldBeTrue(why);
        issue.Location.ShouldBe(location, why);
        issue.Message.ShouldContain(words, Case.Insensitive, why);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","name":[{"family":"Muster","given":["Anna"]}],"birthDate":"1961-04-12"}""")]
    [InlineData("{\"resourceType\":\"Patient\",\"text\":{\"status\":\"generated\",\"div\":\"<div>line one\\r\\n\\tline two</div>\"}}")]
    [InlineData("""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient"}},{"resource":{"resourceType":"Condition"}}]}""")]
    [InlineData("""{"resourceType":"Patient","name":[{"family":"Müller 😀"}]}""")]
    public void Lets_well_formed_fhir_json_through(string json) => FhirJsonText.FirstProblem(json).ShouldBeNull();
}
