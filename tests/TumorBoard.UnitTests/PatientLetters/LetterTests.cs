using TumorBoard.Application.Features.PatientLetters;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Patients;

namespace TumorBoard.UnitTests.PatientLetters;

/// <summary>
/// The letter's texts (pathways.md §4): every plan step kind, timing, intent, outcome and information need has plain words
/// in all four languages; letters for decisions of every shape are plain text by each language's published formula; and
/// nothing internal (discordance, patient-preference notes, scores) reaches the patient.
/// </summary>
public sealed class LetterTests
{
    static readonly PatientLanguage[] Languages = Enum.GetValues<PatientLanguage>();
    static readonly DateOnly Today = new(2026, 12, 2);

    /// <summary>The "why" as the clinician puts it into plain words before sending (the draft is the board's rationale).</summary>
    static readonly Dictionary<PatientLanguage, string> PlainWhy = new()
    {
        [PatientLanguage.en] = "The tumour presses on your spinal cord. This can harm the nerves to your legs. We want to take the pressure off first. Then the rays can work well.",
        [PatientLanguage.de] = "Der Tumor drückt auf Ihr Rückenmark. Das kann die Nerven zu den Beinen schädigen. Wir wollen zuerst den Druck wegnehmen. Dann wirkt die Bestrahlung gut.",
        [PatientLanguage.fr] = "La tumeur appuie sur votre moelle. Cela peut abîmer les nerfs des jambes. Nous voulons d'abord enlever la pression. Ensuite, les rayons agissent bien.",
        [PatientLanguage.it] = "Il tumore preme sul midollo. Questo può fare male ai nervi delle gambe. Prima vogliamo togliere la pressione. Poi i raggi possono agire bene.",
    };

    static PlanStep Step(PlanStepKind kind, StepTiming timing) => new()
    {
        Kind = kind, Timing = timing, TargetLevels = PlanStep.NeedsLevels(kind) ? [SpinalLevel.T5] : [],
        DoseGy = PlanStep.IsRadiotherapy(kind) ? 8m : null, Fractions = PlanStep.IsRadiotherapy(kind) ? (kind == PlanStepKind.SbrtSrs ? 1 : 5) : null,
    };

    /// <summary>Decision shapes that together use every plan step kind, every timing and intent, and the other outcomes.</summary>
    public static TheoryData<PatientLanguage, string> Shapes()
    {
        var data = new TheoryData<PatientLanguage, string>();
        foreach (var l in Languages) foreach (var shape in ShapeContents.Keys) data.Add(l, shape);
        return data;
    }

    static readonly Dictionary<string, DecisionContent> ShapeContents = new()
    {
        ["surgery then SBRT"] = Treatment(TreatmentIntent.LocalControl,
            Step(PlanStepKind.SeparationSurgery, StepTiming.Urgent), Step(PlanStepKind.SbrtSrs, StepTiming.AfterPreviousStep)),
        ["emergency decompression, radiotherapy, rehabilitation"] = Treatment(TreatmentIntent.Palliative,
            Step(PlanStepKind.Stabilisation, StepTiming.Emergency), Step(PlanStepKind.ConventionalEbrt, StepTiming.AfterPreviousStep),
            Step(PlanStepKind.ReferralRehabilitation, StepTiming.Soon)),
        ["cement and bone medicine"] = Treatment(TreatmentIntent.Palliative,
            Step(PlanStepKind.CementAugmentation, StepTiming.Soon), Step(PlanStepKind.BoneModifyingAgent, StepTiming.Elective)),
        ["en bloc resection"] = Treatment(TreatmentIntent.CurativeIntent,
            Step(PlanStepKind.EnBlocResection, StepTiming.Soon), Step(PlanStepKind.ReferralClinicalTrial, StepTiming.Elective)),
        ["systemic therapy and pain team"] = Treatment(TreatmentIntent.Palliative,
            Step(PlanStepKind.SystemicTherapy, StepTiming.Soon), Step(PlanStepKind.ReferralPain, StepTiming.Urgent)),
        ["supportive care"] = Treatment(TreatmentIntent.Palliative,
            Step(PlanStepKind.BestSupportiveCare, StepTiming.Urgent), Step(PlanStepKind.ReferralPalliativeCare, StepTiming.Urgent)),
        ["more information"] = new DecisionContent
        {
            Outcome = DecisionOutcome.MoreInformationNeeded, InformationNeeded = [InformationNeeded.Imaging, InformationNeeded.Biopsy, InformationNeeded.Consult],
            Rationale = "x", FollowUpDate = Today.AddDays(21),
        },
        ["standard of care"] = new DecisionContent { Outcome = DecisionOutcome.StandardOfCareConfirmed, Rationale = "x" },
    };

    static DecisionContent Treatment(TreatmentIntent intent, params PlanStep[] plan) => new()
    {
        Outcome = DecisionOutcome.TreatmentRecommendation, Plan = plan, Intent = intent, Rationale = "x",
        NomsConcordance = NomsConcordance.Discordant, DiscordanceReason = DiscordanceReason.Other,
        DiscordanceText = "INTERNAL-DISCORDANCE: the radiation oncologist disagreed with the NOMS suggestion",
        PatientPreferences = "INTERNAL-PREFERENCE note", FollowUpDate = Today.AddDays(42),
    };

    static PatientLetterDocument Letter(PatientLanguage language, DecisionContent content, string? clinician = "Dr. Anna Keller") =>
        LetterComposer.Compose(new LetterInput(language, "Maria Rossi", Today.AddDays(-1), Today, content, clinician, "+41 44 255 11 11", PlainWhy[language]));

    [Fact]
    public void Every_plan_step_kind_timing_intent_outcome_and_information_need_has_plain_words_in_all_four_languages()
    {
        Enum[] members = [.. Enum.GetValues<PlanStepKind>().Cast<Enum>(), .. Enum.GetValues<StepTiming>().Cast<Enum>(),
            .. Enum.GetValues<TreatmentIntent>().Cast<Enum>(), .. Enum.GetValues<DecisionOutcome>().Cast<Enum>(),
            .. Enum.GetValues<InformationNeeded>().Cast<Enum>()];
        var missing = (from m in members
                       from l in Languages
                       let key = $"{m.GetType().Name}_{m}"
                       where string.IsNullOrWhiteSpace(LetterTexts.Find(key, l))
                       select $"{key} ({l})").ToList();
        missing.ShouldBeEmpty();
        members.Length.ShouldBe(13 + 5 + 3 + 3 + 3);
    }

    [Fact]
    public void The_shapes_use_every_plan_step_kind_and_timing()
    {
        var steps = ShapeContents.Values.SelectMany(c => c.Plan).ToList();
        Enum.GetValues<PlanStepKind>().Except(steps.Select(s => s.Kind!.Value)).ShouldBeEmpty();
        Enum.GetValues<StepTiming>().Except(steps.Select(s => s.Timing!.Value)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_letter_for_each_decision_shape_is_plain_text_by_its_languages_formula(PatientLanguage language, string shape)
    {
        var letter = Letter(language, ShapeContents[shape]);
        var score = Readability.Score(language, letter.Units());
        score.IsPlain.ShouldBeTrue($"{score.Formula} {score.Score:0.0} for \"{shape}\" ({score.Counts})\n{letter.PlainText()}");
    }

    [Theory]
    [InlineData(PatientLanguage.en)]
    [InlineData(PatientLanguage.de)]
    [InlineData(PatientLanguage.fr)]
    [InlineData(PatientLanguage.it)]
    public void The_letter_puts_the_plan_first_explains_SBRT_lists_the_warning_signs_with_the_number_and_says_who_decides(PatientLanguage language)
    {
        var letter = Letter(language, ShapeContents["surgery then SBRT"]);
        letter.Steps.Select(s => s.Number).ShouldBe([1, 2]);
        letter.Steps[0].Text.ShouldBe(LetterTexts.Of(PlanStepKind.SeparationSurgery, language));
        letter.Steps[1].Text.ShouldContain("(SBRT)");
        letter.Steps[1].Text.Split(' ').Length.ShouldBeGreaterThan(4);   // the abbreviation comes with its plain words
        letter.WarningSigns.Count.ShouldBe(5);
        letter.WarningCall.ShouldContain("+41 44 255 11 11");
        letter.Decide.ShouldBe(LetterTexts.Get("Decide", language));
        letter.Next[0].ShouldContain("Dr. Anna Keller");
        letter.Next[0].ShouldContain(LetterTexts.Date(Today.AddDays(3), language));   // urgent first step: within 3 days
        var units = letter.Units().ToList();
        units.IndexOf(letter.RecommendationHeading).ShouldBeLessThan(units.IndexOf(letter.WhyHeading));
    }

    [Fact]
    public void Nothing_internal_reaches_the_letter_discordance_preferences_or_doses()
    {
        foreach (var language in Languages)
        {
            var text = Letter(language, ShapeContents["emergency decompression, radiotherapy, rehabilitation"]).PlainText();
            text.ShouldNotContain("INTERNAL");
            text.ShouldNotContain("NOMS");
            text.ShouldNotContain("Gy");
            text.ShouldNotContain("T5");
        }
    }

    [Fact]
    public void Dates_are_written_in_the_letters_language()
    {
        var day = new DateOnly(2026, 12, 9);
        LetterTexts.Date(day, PatientLanguage.de).ShouldBe("9. Dezember 2026");
        LetterTexts.Date(day, PatientLanguage.fr).ShouldBe("9 décembre 2026");
        LetterTexts.Date(day, PatientLanguage.it).ShouldBe("9 dicembre 2026");
        LetterTexts.Date(day, PatientLanguage.en).ShouldBe("9 December 2026");
    }

    [Theory]
    [InlineData(StepTiming.Emergency, 1)]
    [InlineData(StepTiming.Urgent, 3)]
    [InlineData(StepTiming.Soon, 7)]
    [InlineData(StepTiming.AfterPreviousStep, 14)]
    [InlineData(StepTiming.Elective, 14)]
    public void The_patient_is_called_before_the_first_step_is_due(StepTiming timing, int days) =>
        LetterContact.ContactBy([new PlanStep { Kind = PlanStepKind.SystemicTherapy, Timing = timing }], null, Today).ShouldBe(Today.AddDays(days));

    [Fact]
    public void An_earlier_follow_up_date_brings_the_call_forward_and_no_plan_means_two_weeks()
    {
        LetterContact.ContactBy([], Today.AddDays(5), Today).ShouldBe(Today.AddDays(5));
        LetterContact.ContactBy([], Today.AddDays(30), Today).ShouldBe(Today.AddDays(14));
        LetterContact.ContactBy([], Today, Today).ShouldBe(Today.AddDays(14));
    }
}
