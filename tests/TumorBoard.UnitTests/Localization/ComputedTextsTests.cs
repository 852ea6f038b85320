using System.Globalization;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Scores;
using static TumorBoard.UnitTests.Assessments.Contents;
using static TumorBoard.UnitTests.Localization.Cultures;

namespace TumorBoard.UnitTests.Localization;

/// <summary>
/// The sentences the domain computes for pages (issue #15, section 1): conflicts, the NOMS rationale and notes. The
/// English (the API's JSON) stays as before; <c>Local()</c> reads in the request's language.
/// </summary>
public sealed class ComputedTextsTests
{
    static readonly ConflictInput OutsideCase = new()
    {
        Lesions = [new SpinalLesion { LevelFrom = SpinalLevel.T11, LevelTo = SpinalLevel.T12, ImagingDate = new(2026, 11, 1) }],
        Plan = [new PlanStep { Kind = PlanStepKind.ConventionalEbrt, TargetLevels = [SpinalLevel.T5] }],
    };

    [Fact]
    public void A_conflict_reads_in_german_and_french_and_its_english_is_unchanged()
    {
        var conflict = BoardConflicts.Find(OutsideCase).ShouldHaveSingleItem();
        conflict.Words.ShouldBe("Plan step 1 (conventional EBRT) targets T5, outside the case's lesions (T11-T12).");
        InCulture("de-CH", () => conflict.Local().ShouldStartWith("Planschritt 1 ("));
        InCulture("de-CH", () => conflict.Local().ShouldEndWith(") zielt auf T5, ausserhalb der Läsionen des Falls (T11-T12)."));
        InCulture("fr-CH", () => conflict.Local().ShouldStartWith("L'étape 1 du plan ("));
        InCulture("fr-CH", () => conflict.Local().ShouldEndWith(") cible T5, en dehors des lésions du cas (T11-T12)."));
        InCulture("en", () => conflict.Local().ShouldBe(conflict.Words));
        conflict.ShouldBe(new Conflict(ConflictCodes.TargetOutsideLesions, conflict.Words));   // equal as the API sees it
    }

    [Fact]
    public void A_prior_course_in_a_conflict_reads_with_a_swiss_date()
    {
        var input = OutsideCase with
        {
            Lesions = [new SpinalLesion { LevelFrom = SpinalLevel.T4, LevelTo = SpinalLevel.T6, ImagingDate = new(2026, 11, 1) }],
            PriorRadiotherapy = [new PriorRadiotherapy { LevelFrom = SpinalLevel.T4, LevelTo = SpinalLevel.T6, TotalDoseGy = 30, Fractions = 10, EndDate = new(2025, 3, 1) }],
            Plan = [],
            RadiationOncology = RadiationOncology() with { Reirradiation = false, TargetLevels = [SpinalLevel.T5] },
        };
        var conflict = BoardConflicts.Find(input).Single(c => c.Code == ConflictCodes.PriorRadiotherapyNotFlagged);
        conflict.Words.ShouldBe("Radiation oncology says no re-irradiation, but the case records prior radiotherapy at T4-T6, 30 Gy in 10 fractions ending 2025-03-01.");
        InCulture("de-CH", () => conflict.Local().ShouldBe(
            "Die Radioonkologie verneint eine Re-Bestrahlung, aber der Fall verzeichnet eine frühere Radiotherapie an T4-T6, 30 Gy in 10 Fraktionen, beendet am 01.03.2025."));
        InCulture("fr-CH", () => conflict.Local().ShouldEndWith("T4-T6, 30 Gy en 10 fractions, terminée le 01.03.2025."));
    }

    [Fact]
    public void The_noms_rationale_reads_in_german_and_french_with_the_citation_unchanged()
    {
        var result = Noms.Suggest(new NomsInput
        {
            Radiosensitivity = Radiosensitivity.Resistant, Escc = EsccGrade.Grade2, FitForSurgery = true, SinsTotal = 3,
        });
        result.Rationale.ShouldContain("NOMS (Laufer et al., Oncologist 2013), row A4: radioresistant tumour, high-grade ESCC 2, fit for surgery → separation surgery, then SRS.");
        result.Rationale.ShouldContain("NOMS (Laufer et al., Oncologist 2013), row B1: SINS 3 (stable) → nothing to add.");
        InCulture("de-CH", () => result.LocalRationale().ShouldContain(
            "NOMS (Laufer et al., Oncologist 2013), Zeile A4: strahlenresistenter Tumor, hochgradige ESCC 2, operabel → Separationschirurgie, danach SRS."));
        InCulture("fr-CH", () => result.LocalRationale().ShouldContain(
            "NOMS (Laufer et al., Oncologist 2013), ligne B1\u202F: SINS 3 (stable) → rien à ajouter."));
        InCulture("en", () => result.LocalRationale().ShouldBe(result.Rationale));
        InCulture("de-CH", () => result.LocalRationale().Count.ShouldBe(result.Rationale.Count));
    }

    [Fact]
    public void A_noms_note_reads_in_german_and_french_and_its_english_is_unchanged()
    {
        var result = BoardNoms.Suggest(Neurosurgery("2"), RadiationOncology(), MedicalOncology() with { FitForSystemicTherapy = false }, Context);
        result.Notes.ShouldContain("Medical oncology judges the patient not fit for systemic therapy (the S of NOMS: systemic disease).");
        InCulture("de-CH", () => result.LocalNotes().ShouldContain(
            "Die medizinische Onkologie beurteilt die Patientin oder den Patienten als nicht geeignet für eine systemische Therapie (das S von NOMS: systemische Erkrankung)."));
        InCulture("fr-CH", () => result.LocalNotes().ShouldContain(
            "L'oncologie médicale juge le patient ou la patiente inapte à un traitement systémique (le S de NOMS\u202F: maladie systémique)."));
        InCulture("en", () => result.LocalNotes().ShouldBe(result.Notes));
    }

    [Fact]
    public void Read_back_from_stored_json_the_texts_stay_as_stored()
    {
        var stored = BoardNoms.Suggest(Neurosurgery("2"), RadiationOncology(), MedicalOncology(), Context) with { NoteTexts = null };
        InCulture("de-CH", () => stored.LocalNotes().ShouldBe(stored.Notes));
        var json = System.Text.Json.JsonSerializer.Serialize(Noms.Suggest(new NomsInput { Radiosensitivity = Radiosensitivity.Sensitive }));
        json.ShouldNotContain("RationaleTexts");
    }

}
