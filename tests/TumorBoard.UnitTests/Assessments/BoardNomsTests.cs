using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using static TumorBoard.UnitTests.Assessments.Contents;

namespace TumorBoard.UnitTests.Assessments;

public sealed class BoardNomsTests
{
    [Fact]
    public void Without_submitted_assessments_everything_is_missing()
    {
        var result = BoardNoms.Suggest(null, null, null, Context);
        result.MissingAssessments.ShouldBe([Discipline.Neurosurgery, Discipline.RadiationOncology, Discipline.MedicalOncology]);
        result.Suggestion.Complete.ShouldBeFalse();
        result.Suggestion.Missing.ShouldContain("radiosensitivity");
        result.Suggestion.Missing.ShouldContain("escc");
    }

    [Fact]
    public void Radioresistant_high_grade_ESCC_fit_for_surgery_suggests_separation_surgery_then_SRS()
    {
        // Renal cell carcinoma is radioresistant (scores.md §3.2); ESCC 2, fit -> A4; SINS 9 -> B2 (scores.md §3.3).
        var result = BoardNoms.Suggest(Neurosurgery("2"), RadiationOncology(), MedicalOncology(), Context);
        result.MissingAssessments.ShouldBeEmpty();
        result.Suggestion.Radiation.ShouldBe(NomsCodes.SeparationSurgeryThenSrs);
        result.Suggestion.Mechanical.ShouldBe(NomsCodes.SurgicalConsult);
        result.Suggestion.Complete.ShouldBeTrue();
    }

    [Fact]
    public void The_worst_ESCC_and_highest_SINS_over_the_lesions_count()
    {
        var neuro = Neurosurgery("1a") with
        {
            Lesions = [Lesion("1a"), Lesion("3") with { Alignment = SinsAlignment.SubluxationTranslation, Collapse = SinsCollapse.MoreThan50Percent }],
        };
        var result = BoardNoms.Suggest(neuro, RadiationOncology(), MedicalOncology(), Context);
        result.Suggestion.Radiation.ShouldBe(NomsCodes.SeparationSurgeryThenSrs);
        result.Suggestion.Mechanical.ShouldBe(NomsCodes.Stabilization);   // 1+3+2+4+3+1 = 14, unstable
    }

    [Fact]
    public void Radiation_oncologys_override_is_the_O_assessment()
    {
        var radonc = RadiationOncology() with { RadiosensitivityOverride = Radiosensitivity.Sensitive, OverrideReason = "Good response" };
        BoardNoms.Suggest(Neurosurgery("3"), radonc, MedicalOncology(), Context).Suggestion.Radiation.ShouldBe(NomsCodes.Cebrt);
    }
}
