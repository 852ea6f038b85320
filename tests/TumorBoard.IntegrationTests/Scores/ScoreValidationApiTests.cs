using TumorBoard.IntegrationTests.Infrastructure;
using static TumorBoard.IntegrationTests.Scores.ScoresApi;

namespace TumorBoard.IntegrationTests.Scores;

/// <summary>400 ValidationProblemDetails from the score API, each naming the camelCase JSON field.</summary>
[Collection(AppCollection.Name)]
public sealed class ScoreValidationApiTests(AppFixture app)
{
    [Fact]
    public Task Rejects_an_unknown_enum_string() =>
        ShouldRejectAsync(app, "sins", """{"level":"T11","pain":"Severe"}""", "pain");

    [Fact]
    public Task Rejects_an_enum_sent_as_a_number() =>
        ShouldRejectAsync(app, "tomita", """{"primaryGrowth":0}""", "primaryGrowth");

    [Fact]
    public Task Names_the_field_in_camelCase_even_when_the_client_wrote_it_otherwise() =>
        ShouldRejectAsync(app, "sins", """{"Level":"T99"}""", "level");

    [Fact]
    public Task Rejects_a_number_sent_as_text() =>
        ShouldRejectAsync(app, "tokuhashi", """{"karnofsky":"sixty"}""", "karnofsky");

    [Fact]
    public async Task Rejects_Tokuhashi_values_out_of_range()
    {
        await ShouldRejectAsync(app, "tokuhashi", """{"karnofsky":65}""", "karnofsky");
        await ShouldRejectAsync(app, "tokuhashi", """{"ecog":5}""", "ecog");
        await ShouldRejectAsync(app, "tokuhashi", """{"extraspinalBoneMetastases":-1,"vertebralBodyMetastases":0}""",
            "extraspinalBoneMetastases", "vertebralBodyMetastases");
    }

    [Fact]
    public async Task Rejects_an_ESCC_grade_1_without_subgrade_a_missing_grade_and_a_number()
    {
        await ShouldRejectAsync(app, "escc", """{"grade":"1"}""", "grade");
        await ShouldRejectAsync(app, "escc", """{}""", "grade");
        await ShouldRejectAsync(app, "escc", """{"grade":2}""", "grade");
    }

    [Fact]
    public async Task Performance_status_needs_exactly_one_valid_value()
    {
        await ShouldRejectAsync(app, "performance-status", """{"karnofsky":70,"ecog":1}""", "karnofsky", "ecog");
        await ShouldRejectAsync(app, "performance-status", """{}""", "karnofsky", "ecog");
        await ShouldRejectAsync(app, "performance-status", """{"karnofsky":65}""", "karnofsky");
        await ShouldRejectAsync(app, "performance-status", """{"ecog":6}""", "ecog");
    }

    [Fact]
    public Task Rejects_a_body_that_is_not_an_object() =>
        ShouldRejectAsync(app, "sins", "[1]", "body");
}
