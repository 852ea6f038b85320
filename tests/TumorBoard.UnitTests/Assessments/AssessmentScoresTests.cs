using System.Text.Json;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using static TumorBoard.UnitTests.Assessments.Contents;

namespace TumorBoard.UnitTests.Assessments;

public sealed class AssessmentScoresTests
{
    [Fact]
    public void Scores_are_computed_from_the_components_and_stored_with_the_version()
    {
        var a = Assessment.StartDraft(Guid.NewGuid(), Neurosurgery(), Context, Neurosurgeon, Now);
        using var computed = JsonDocument.Parse(a.Current.ComputedJson);
        var lesion = computed.RootElement.GetProperty("scores").GetProperty("lesions")[0];
        lesion.GetProperty("sins").GetProperty("total").GetInt32().ShouldBe(9);
        lesion.GetProperty("sins").GetProperty("version").GetString().ShouldBe(ScoreVersions.Sins);
        lesion.GetProperty("escc").GetProperty("grade").GetString().ShouldBe("2");
        lesion.GetProperty("escc").GetProperty("highGrade").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void A_content_total_is_never_read_from_json()
    {
        var content = (NeurosurgeryContent)AssessmentJson.Deserialize(Discipline.Neurosurgery,
            """{"lesions":[{"indexLevel":"T5","pain":"None","total":99,"sins":{"total":99}}],"total":99}""");
        var scores = (NeurosurgeryScores)content.Evaluate(Context).Scores;
        scores.Lesions[0].Sins.Total.ShouldBeNull();   // incomplete components: no total (scores.md general rule 4)
        AssessmentJson.Serialize(content).ShouldNotContain("99");
    }

    [Fact]
    public void ESCC_0_with_separation_surgery_saves_with_a_visible_warning()
    {
        var warnings = Neurosurgery(escc: "0").Evaluate(Context).Warnings;
        warnings.ShouldContain(w => w.StartsWith("ESCC 0 with separation surgery"));
        Neurosurgery(escc: "2").Evaluate(Context).Warnings.ShouldNotContain(w => w.StartsWith("ESCC 0"));
    }

    [Fact]
    public void Medical_oncology_computes_Tokuhashi_and_Tomita()
    {
        var scores = (MedicalOncologyScores)MedicalOncology().Evaluate(Context).Scores;
        scores.Tokuhashi.Total.ShouldBe(1 + 1 + 2 + 2 + 3 + 1);   // scores.md §4
        scores.Tomita.Total.ShouldBe(2 + 0 + 2);                  // scores.md §5
        MedicalOncology().Evaluate(Context).Warnings.ShouldBeEmpty();
        (MedicalOncology() with { Ecog = 3 }).Evaluate(Context).Warnings.ShouldContain(w => w.Contains("do not correspond"));
    }

    [Fact]
    public void Radiation_oncology_prefills_radiosensitivity_from_the_table_and_records_an_override()
    {
        var breast = Context with { Histology = PrimaryHistology.Breast };
        var prefilled = (RadiationOncologyScores)RadiationOncology().Evaluate(breast).Scores;
        prefilled.Radiosensitivity.FromTable.ShouldBe(Radiosensitivity.Sensitive);
        prefilled.Radiosensitivity.TableSource.ShouldNotBeNullOrWhiteSpace();
        prefilled.Radiosensitivity.Effective.ShouldBe(Radiosensitivity.Sensitive);

        var overridden = (RadiationOncologyScores)(RadiationOncology() with
            { RadiosensitivityOverride = Radiosensitivity.Resistant, OverrideReason = "Triple negative" }).Evaluate(breast).Scores;
        overridden.Radiosensitivity.Effective.ShouldBe(Radiosensitivity.Resistant);
        overridden.Radiosensitivity.OverrideReason.ShouldBe("Triple negative");
    }

    [Fact]
    public void Prior_radiotherapy_at_a_target_level_is_shown_and_flagged()
    {
        var prior = new PriorRadiotherapy { LevelFrom = SpinalLevel.T4, LevelTo = SpinalLevel.T6, TotalDoseGy = 30m, Fractions = 10 };
        var evaluation = RadiationOncology().Evaluate(Context with { PriorRadiotherapy = [prior] });
        ((RadiationOncologyScores)evaluation.Scores).PriorRadiotherapyAtSameLevels.ShouldBeTrue();
        evaluation.Warnings.ShouldContain(w => w.Contains("re-irradiation is not flagged"));
    }

    [Fact]
    public void The_diff_lists_exactly_the_fields_that_changed()
    {
        var before = AssessmentJson.Serialize(Neurosurgery());
        var after = AssessmentJson.Serialize(Neurosurgery() with
            { Frankel = FrankelGrade.C, Lesions = [Lesion() with { Pain = PainCharacter.Occasional }], Asia = AsiaGrade.C });

        var changes = VersionDiff.Between(before, after);
        changes.Select(c => c.Field).ShouldBe(["asia", "frankel", "lesions[0].pain"]);
        changes.Single(c => c.Field == "frankel").ShouldBe(new FieldChange("frankel", "D", "C"));
        changes.Single(c => c.Field == "asia").Old.ShouldBeNull();
    }
}
