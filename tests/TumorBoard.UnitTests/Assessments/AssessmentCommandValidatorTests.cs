using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Clinical;
using static TumorBoard.UnitTests.Assessments.Contents;

namespace TumorBoard.UnitTests.Assessments;

/// <summary>One validator per command over the polymorphic content: each record meets its own discipline's rules.</summary>
public sealed class AssessmentCommandValidatorTests
{
    static string[] Draft(AssessmentContent content) =>
        [.. new SaveAssessmentDraft.Validator().Validate(new SaveAssessmentDraft.Command { Content = content }).Errors.Select(e => e.PropertyName)];

    static string[] Revise(AssessmentContent content, string reason) =>
        [.. new ReviseAssessment.Validator().Validate(new ReviseAssessment.Command { Content = content, Reason = reason }).Errors
            .Select(e => e.PropertyName)];

    sealed record ExtendedMedicalOncology : MedicalOncologyContent
    {
        public string? Extra { get; init; }
    }

    [Fact]
    public void Accepts_each_complete_content()
    {
        Draft(Neurosurgery()).ShouldBeEmpty();
        Draft(RadiationOncology()).ShouldBeEmpty();
        Draft(MedicalOncology()).ShouldBeEmpty();
        Revise(RadiationOncology(), "New MRI").ShouldBeEmpty();
    }

    [Fact]
    public void Applies_the_rules_of_the_content_discipline_under_the_content_field_names()
    {
        Draft(Neurosurgery() with { Lesions = [Lesion("1")], FitForOpenSurgery = SurgicalFitness.Borderline })
            .ShouldBe(["Lesions[0].Escc", "FitnessReason"], ignoreOrder: true);
        Draft(RadiationOncology() with { TotalDoseGy = 61m, Fractions = 0 }).ShouldBe(["TotalDoseGy", "Fractions"], ignoreOrder: true);
        Draft(MedicalOncology() with { Ecog = 5, VertebralBodyMetastases = 0 }).ShouldBe(["Ecog", "VertebralBodyMetastases"], ignoreOrder: true);
        Revise(MedicalOncology() with { Karnofsky = 55 }, "").ShouldBe(["Karnofsky", "Reason"], ignoreOrder: true);
    }

    [Fact]
    public void Refuses_missing_content_and_a_type_that_extends_a_content_record()
    {
        Draft(null!).ShouldBe(["Content"]);
        Revise(new ExtendedMedicalOncology { Ecog = 9 }, "r").ShouldBe(["Content"]);
    }

    [Fact]
    public void A_type_that_extends_a_content_record_gives_exactly_the_content_back()
    {
        var extended = new ExtendedMedicalOncology { Ecog = 2, Frankel = FrankelGrade.D, Rationale = "Stable.", Extra = "not content" };
        var content = extended.AsContent();
        content.GetType().ShouldBe(typeof(MedicalOncologyContent));
        content.ShouldBe(new MedicalOncologyContent { Ecog = 2, Frankel = FrankelGrade.D, Rationale = "Stable." });
        AssessmentJson.Serialize(content).ShouldNotContain("not content");
        var own = Neurosurgery();
        own.AsContent().ShouldBeSameAs(own);
    }
}
