using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Mscc;
using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Mscc;

/// <summary>The triage table (pathways.md §1.1): neurology makes P1; pain, SINS ≥ 13 or ESCC 2–3 without neurology make P2.</summary>
public class TriageTests
{
    public static TheoryData<string, TriageInputs, TriageLevel, string> Table => new()
    {
        { "nothing recorded", new(), TriageLevel.Routine, "" },
        { "Frankel E, no myelopathy", new() { Frankel = FrankelGrade.E, Asia = AsiaGrade.E, Myelopathy = false }, TriageLevel.Routine, "" },
        { "Frankel D", new() { Frankel = FrankelGrade.D }, TriageLevel.P1, "Frankel grade D" },
        { "ASIA C", new() { Asia = AsiaGrade.C }, TriageLevel.P1, "ASIA grade C" },
        { "myelopathy", new() { Myelopathy = true }, TriageLevel.P1, "myelopathy" },
        { "difficulty walking", new() { Symptoms = [MsccSymptom.DifficultyWalking] }, TriageLevel.P1, "difficulty walking" },
        { "radicular pain with weakness", new() { Symptoms = [MsccSymptom.RadicularPainWithWeakness] }, TriageLevel.P1, "radicular pain with weakness" },
        { "bladder or bowel", new() { Symptoms = [MsccSymptom.BladderOrBowelDysfunction] }, TriageLevel.P1, "bladder or bowel dysfunction" },
        { "neurology beats pain and scores", new() { Symptoms = [MsccSymptom.NightPain, MsccSymptom.SensoryLoss], SinsTotal = 15 },
            TriageLevel.P1, "sensory loss" },
        { "night pain without neurology", new() { Symptoms = [MsccSymptom.NightPain] }, TriageLevel.P2, "spinal pain at night" },
        { "SINS 12", new() { SinsTotal = 12 }, TriageLevel.Routine, "" },
        { "SINS 13", new() { SinsTotal = 13 }, TriageLevel.P2, "SINS 13 (unstable)" },
        { "ESCC 1c", new() { Escc = EsccGrade.Grade1c }, TriageLevel.Routine, "" },
        { "ESCC 2", new() { Escc = EsccGrade.Grade2 }, TriageLevel.P2, "ESCC grade 2 (high-grade compression)" },
        { "ESCC 3", new() { Escc = EsccGrade.Grade3 }, TriageLevel.P2, "ESCC grade 3 (high-grade compression)" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Derives_the_class_and_says_why(string name, TriageInputs inputs, TriageLevel level, string reason)
    {
        var d = Triage.Derive(inputs);
        d.Level.ShouldBe(level, name);
        if (reason == "") d.Reasons.ShouldBeEmpty(name);
        else d.Reasons.ShouldContain(reason, name);
    }

    [Fact]
    public void The_explanation_names_every_reason()
    {
        Triage.Derive(new() { Symptoms = [MsccSymptom.DifficultyWalking] }).Explanation.ShouldBe("P1 emergency because: difficulty walking");
        Triage.Derive(new()).Explanation.ShouldStartWith("Routine:");
    }

    [Theory]
    [InlineData(TriageLevel.Routine, null, TriageLevel.Routine)]
    [InlineData(TriageLevel.Routine, TriageLevel.P2, TriageLevel.P2)]
    [InlineData(TriageLevel.P2, TriageLevel.P1, TriageLevel.P1)]
    [InlineData(TriageLevel.P1, TriageLevel.P2, TriageLevel.P1)]   // a raise below the derived class never lowers it
    public void The_class_in_force_is_the_higher_of_derived_and_raised(TriageLevel derived, TriageLevel? raised, TriageLevel effective) =>
        Triage.Effective(derived, raised).ShouldBe(effective);

    [Fact]
    public void A_raise_must_go_up_and_needs_a_reason()
    {
        var track = MsccTrack.Start(Guid.NewGuid());
        track.Refresh(new(TriageLevel.P2, ["SINS 13 (unstable)"]), _ => [], Array.Empty<MsccBreachExplanation>(), open: true);
        Should.Throw<DomainConflictException>(() => track.Raise(TriageLevel.P2, "same", Guid.NewGuid(), "C", DateTimeOffset.UnixEpoch));
        Should.Throw<DomainConflictException>(() => track.Raise(TriageLevel.Routine, "lower", Guid.NewGuid(), "C", DateTimeOffset.UnixEpoch));
        Should.Throw<DomainConflictException>(() => track.Raise(TriageLevel.P1, " ", Guid.NewGuid(), "C", DateTimeOffset.UnixEpoch));
        track.Raise(TriageLevel.P1, "Rapidly worsening pain", Guid.NewGuid(), "C", DateTimeOffset.UnixEpoch);
        track.Triage.ShouldBe(TriageLevel.P1);
        // The findings change to Routine: the raise keeps P1.
        track.Refresh(new(TriageLevel.Routine, []), _ => [], Array.Empty<MsccBreachExplanation>(), open: true);
        track.Triage.ShouldBe(TriageLevel.P1);
        track.DerivedTriage.ShouldBe(TriageLevel.Routine);
    }
}
