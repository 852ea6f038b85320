using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Security;

namespace TumorBoard.UnitTests.Common;

/// <summary>
/// One vocabulary: every member of every enumeration in the Domain has its words in <see cref="DisplayWords"/>, the only
/// labeller, and no two members of one enumeration read the same (a form could not tell them apart).
/// </summary>
public sealed class DisplayWordsTests
{
    static readonly Type[] DomainEnums = [.. typeof(DisplayWords).Assembly.GetTypes().Where(t => t.IsEnum).OrderBy(t => t.FullName)];

    [Fact]
    public void Every_member_of_every_Domain_enumeration_has_words()
    {
        DomainEnums.Length.ShouldBeGreaterThan(40);
        List<string> missing = [];
        foreach (var type in DomainEnums)
        {
            if (!DisplayWords.Vocabulary.TryGetValue(type, out var words))
            {
                missing.Add($"{type.FullName}: not in the vocabulary");
                continue;
            }
            missing.AddRange(Enum.GetNames(type)
                .Where(name => !words.TryGetValue(name, out var w) || string.IsNullOrWhiteSpace(w))
                .Select(name => $"{type.Name}.{name}: no words"));
            missing.AddRange(words.Keys.Except(Enum.GetNames(type)).Select(name => $"{type.Name}.{name}: words for a member that does not exist"));
        }
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void No_two_members_of_one_enumeration_share_their_words()
    {
        var shared = DisplayWords.Vocabulary
            .SelectMany(e => e.Value.GroupBy(w => w.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"{e.Key.Name}: {string.Join(", ", g.Select(w => w.Key))} all read \"{g.Key}\""))
            .ToList();
        shared.ShouldBeEmpty();
    }

    [Fact]
    public void Every_member_is_labelled_with_the_vocabulary_s_words_not_by_rule()
    {
        foreach (var type in DomainEnums)
            foreach (Enum value in Enum.GetValues(type))
                DisplayWords.Of(value).ShouldBe(DisplayWords.Vocabulary[type][value.ToString()], $"{type.Name}.{value}");
    }

    [Fact]
    public void The_report_and_the_history_use_the_screen_s_fuller_wording()
    {
        DisplayWords.Of(PlanStepKind.CementAugmentation).ShouldBe("Cement augmentation (vertebro-/kyphoplasty)");
        DisplayWords.Of(PlanStepKind.ReferralPain).ShouldBe("Referral: pain service");
        var step = new PlanStep { Kind = PlanStepKind.ReferralPain, Timing = StepTiming.Soon };
        DecisionDiff.Describe(step).ShouldBe("Referral: pain service · Soon (within four weeks)");
        step.Summary.ShouldBe(DecisionDiff.Describe(step));
    }

    [Fact]
    public void Words_inside_a_sentence_start_small_but_keep_abbreviations()
    {
        DisplayWords.InSentence(NeurosurgeryRecommendation.StabilisationOpen).ShouldBe("open stabilisation");
        DisplayWords.InSentence(RadiationRecommendation.ConventionalEbrt).ShouldBe("conventional EBRT");
        DisplayWords.InSentence(RadiationRecommendation.SbrtSrs).ShouldBe("SBRT/SRS");
        DisplayWords.InSentence(Discipline.RadiationOncology).ShouldBe("radiation oncology");
    }

    [Fact]
    public void A_value_not_recorded_reads_as_a_dash_unless_the_caller_says_otherwise()
    {
        DisplayWords.Of((Urgency?)null).ShouldBe(DisplayWords.NotRecorded);
        DisplayWords.Of((Urgency?)null, none: "").ShouldBe("");
        DisplayWords.Of((Urgency?)Urgency.Urgent).ShouldBe("Urgent");
    }

    [Fact]
    public void Field_names_are_worded_by_rule()
    {
        DisplayWords.Of("TreatmentRecommendation").ShouldBe("Treatment recommendation");
        DisplayWords.Of("Ecog").ShouldBe("ECOG");
        DisplayWords.Of("T5").ShouldBe("T5");
    }

    [Fact]
    public void Every_input_a_score_names_as_missing_has_the_clinics_words()
    {
        string[] missing =
        [
            .. TumorBoard.Domain.Scores.Sins.Compute(new TumorBoard.Domain.Scores.SinsInput()).Missing,
            .. TumorBoard.Domain.Scores.Tokuhashi.Compute(new TumorBoard.Domain.Scores.TokuhashiInput()).Missing,
            .. TumorBoard.Domain.Scores.Tomita.Compute(new TumorBoard.Domain.Scores.TomitaInput()).Missing,
            .. TumorBoard.Domain.Scores.Noms.Suggest(new TumorBoard.Domain.Scores.NomsInput()).Missing,
        ];

        missing.ShouldNotBeEmpty();
        missing.ShouldAllBe(m => DisplayWords.InputWords.ContainsKey(m));
        DisplayWords.Input("escc").ShouldBe("ESCC grade (Bilsky)");
        DisplayWords.Input("sinsTotal").ShouldBe("SINS total");
        // no camel-case code on a page: every word list reads as words
        DisplayWords.InputWords.Values.ShouldAllBe(w => !System.Text.RegularExpressions.Regex.IsMatch(w, "[a-z][A-Z]"));
    }
}
