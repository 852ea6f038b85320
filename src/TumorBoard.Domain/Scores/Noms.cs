using TumorBoard.Domain.Common;
namespace TumorBoard.Domain.Scores;

/// <summary>
/// NOMS decision support (Laufer 2013; scores.md §3.3). Advisory only: the board may record a different decision.
/// Assumes radiation is always deliverable (scores.md §3.3 ambiguities).
/// </summary>
public static class Noms
{
    private const string Src = "NOMS (Laufer et al., Oncologist 2013), row";

    /// <summary>Suggests step A (radiation) and step B (mechanical). Uses <see cref="RadiosensitivityTable.Default"/> when no table is given.</summary>
    public static NomsResult Suggest(NomsInput input, RadiosensitivityTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        table ??= RadiosensitivityTable.Default;
        var missing = new List<string>();
        var flags = new List<string>();
        var rationale = new List<string>();

        if (input.AcuteProgressiveMyelopathy == true)
        {
            flags.Add(NomsCodes.AcuteProgressiveMyelopathy);
            rationale.Add("Patchell 2005 (Lancet 2005;366:643-648): acute or rapidly progressive myelopathy is "
                + "treated as a surgical emergency independent of histology; this overrides the 2013 table below.");
        }

        var radiation = StepA(input, table, missing, flags, rationale);
        var mechanical = StepB(input, radiation, missing, rationale);
        return new NomsResult(missing.Count == 0, radiation, mechanical, flags, rationale, missing);
    }

    private static string? StepA(NomsInput input, RadiosensitivityTable table, List<string> missing, List<string> flags, List<string> rationale)
    {
        var sensitivity = ResolveRadiosensitivity(input, table, flags, rationale);
        if (sensitivity is null) missing.Add("radiosensitivity");

        var escc = input.Escc is { } e && Enum.IsDefined(e) ? e : (EsccGrade?)null;
        if (escc is null) missing.Add("escc"); // the N assessment is always part of a NOMS record

        if (sensitivity == Radiosensitivity.Sensitive)
        {
            rationale.Add($"{Src} A1: radiosensitive tumour → conventional EBRT regardless of the ESCC grade; no surgery for neurological/oncological reasons.");
            return NomsCodes.Cebrt;
        }
        if (sensitivity != Radiosensitivity.Resistant || escc is not { } grade) return null;

        if (!EsccGrades.IsHighGrade(grade))
        {
            if (grade == EsccGrade.Grade1c)
            {
                flags.Add(NomsCodes.Escc1cDiscuss);
                rationale.Add($"{Src} A3: radioresistant tumour, ESCC 1c → SRS (low-grade branch by default); separation surgery can be discussed.");
            }
            else
                rationale.Add($"{Src} A2: radioresistant tumour, low-grade ESCC {EsccGrades.ToCode(grade)} → SRS.");
            return NomsCodes.Srs;
        }

        switch (input.FitForSurgery)
        {
            case true:
                rationale.Add($"{Src} A4: radioresistant tumour, high-grade ESCC {EsccGrades.ToCode(grade)}, fit for surgery → separation surgery, then SRS.");
                return NomsCodes.SeparationSurgeryThenSrs;
            case false:
                flags.Add(NomsCodes.PalliativeNotFitForSurgery);
                rationale.Add($"{Src} A5: radioresistant tumour, high-grade ESCC {EsccGrades.ToCode(grade)}, not fit for surgery → palliative conventional EBRT.");
                return NomsCodes.Cebrt;
            default:
                AddOnce(missing, "fitForSurgery");
                return null;
        }
    }

    private static Radiosensitivity? ResolveRadiosensitivity(NomsInput input, RadiosensitivityTable table, List<string> flags, List<string> rationale)
    {
        if (input.Radiosensitivity is Radiosensitivity.Sensitive or Radiosensitivity.Resistant)
        {
            rationale.Add($"Radiosensitivity {DisplayWords.InSentence(input.Radiosensitivity)} as set by radiation oncology.");
            return input.Radiosensitivity;
        }
        if (input.Radiosensitivity is not null)
        {
            rationale.Add($"{Src} A6: radiosensitivity is recorded as {DisplayWords.InSentence(input.Radiosensitivity)}; radiation oncology must set the class.");
            return null;
        }
        if (input.Histology is not { } histology || !Enum.IsDefined(histology)) return null;

        var entry = table.Lookup(histology);
        if (entry.Radiosensitivity == Radiosensitivity.Unknown)
        {
            rationale.Add($"{Src} A6: histology {DisplayWords.InSentence(histology)} is not classified (source: {entry.Source}); radiation oncology must set the class.");
            return null;
        }
        if (entry.Verified)
            rationale.Add($"Radiosensitivity {DisplayWords.InSentence(entry.Radiosensitivity)} pre-filled from histology {DisplayWords.InSentence(histology)} (source: {entry.Source}; table version {table.Version}).");
        else
        {
            flags.Add(NomsCodes.RadiosensitivityUnverified);
            rationale.Add($"Radiosensitivity {DisplayWords.InSentence(entry.Radiosensitivity)} pre-filled from histology {DisplayWords.InSentence(histology)} rests on uncertain evidence (source: {entry.Source}; "
                + $"table version {table.Version}): provisional until radiation oncology confirms it.");
        }
        return entry.Radiosensitivity;
    }

    private static string? StepB(NomsInput input, string? radiation, List<string> missing, List<string> rationale)
    {
        var sins = input.SinsTotal is { } s && s is >= Sins.MinTotal and <= Sins.MaxTotal ? s : (int?)null;
        var gross = input.GrossInstability == true;
        if (!gross && sins is null)
        {
            missing.Add("sinsTotal");
            return null;
        }
        if (!gross && sins < Sins.SurgicalConsultationThreshold)
        {
            rationale.Add($"{Src} B1: SINS {sins} (stable) → nothing to add.");
            return null;
        }
        if (!gross && Sins.CategoryFor(sins!.Value) == SinsCategory.PotentiallyUnstable)
        {
            rationale.Add($"{Src} B2: SINS {sins} (potentially unstable) → surgical consultation (cement augmentation or stabilisation, as the surgeon decides).");
            return NomsCodes.SurgicalConsult;
        }

        var why = gross ? "gross instability" : $"SINS {sins} (unstable)";
        switch (input.FitForSurgery)
        {
            case true:
                rationale.Add($"{Src} B3: {why}, fit for surgery → stabilisation before radiation"
                    + (radiation == NomsCodes.SeparationSurgeryThenSrs ? "; it is part of the separation surgery." : "."));
                return NomsCodes.Stabilization;
            case false:
                rationale.Add($"{Src} B4: {why}, not fit for surgery → instability not surgically addressable; the radiation from step A stands (consider minimally invasive options or bracing).");
                return NomsCodes.InstabilityNotSurgicallyAddressable;
            default:
                AddOnce(missing, "fitForSurgery");
                return null;
        }
    }

    /// <summary>Input-range check: sinsTotal 0-18 and defined enum members.</summary>
    public static IReadOnlyList<ScoreInputError> Validate(NomsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ScoreInputError>();
        ScoreHelpers.CheckDefined(errors, "histology", input.Histology);
        ScoreHelpers.CheckDefined(errors, "radiosensitivity", input.Radiosensitivity);
        ScoreHelpers.CheckDefined(errors, "escc", input.Escc);
        if (input.SinsTotal is { } s && s is < Sins.MinTotal or > Sins.MaxTotal)
            errors.Add(new("sinsTotal", "The SINS total must be from 0 to 18."));
        return errors;
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value)) list.Add(value);
    }
}
