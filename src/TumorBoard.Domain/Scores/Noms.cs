using TumorBoard.Domain.Common;
namespace TumorBoard.Domain.Scores;

/// <summary>
/// NOMS decision support (Laufer 2013; scores.md §3.3). Advisory only: the board may record a different decision.
/// Assumes radiation is always deliverable (scores.md §3.3 ambiguities).
/// </summary>
public static class Noms
{
    /// <summary>The citation before the row ("…, row A1"): an argument of the rationale texts, so it reads the same in every language.</summary>
    private const string Src = "NOMS (Laufer et al., Oncologist 2013)";

    private const string Patchell = "Patchell 2005 (Lancet 2005;366:643-648)";

    /// <summary>Suggests step A (radiation) and step B (mechanical). Uses <see cref="RadiosensitivityTable.Default"/> when no table is given.</summary>
    public static NomsResult Suggest(NomsInput input, RadiosensitivityTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        table ??= RadiosensitivityTable.Default;
        var missing = new List<string>();
        var flags = new List<string>();
        var rationale = new List<RuleText>();

        if (input.AcuteProgressiveMyelopathy == true)
        {
            flags.Add(NomsCodes.AcuteProgressiveMyelopathy);
            rationale.Add(new("Noms.Patchell", Patchell));
        }

        var radiation = StepA(input, table, missing, flags, rationale);
        var mechanical = StepB(input, radiation, missing, rationale);
        return new NomsResult(missing.Count == 0, radiation, mechanical, flags, [.. rationale.Select(t => t.English)], missing)
        {
            RationaleTexts = rationale,
        };
    }

    private static string? StepA(NomsInput input, RadiosensitivityTable table, List<string> missing, List<string> flags, List<RuleText> rationale)
    {
        var sensitivity = ResolveRadiosensitivity(input, table, flags, rationale);
        if (sensitivity is null) missing.Add("radiosensitivity");

        var escc = input.Escc is { } e && Enum.IsDefined(e) ? e : (EsccGrade?)null;
        if (escc is null) missing.Add("escc"); // the N assessment is always part of a NOMS record

        if (sensitivity == Radiosensitivity.Sensitive)
        {
            rationale.Add(new("Noms.A1", Src));
            return NomsCodes.Cebrt;
        }
        if (sensitivity != Radiosensitivity.Resistant || escc is not { } grade) return null;

        if (!EsccGrades.IsHighGrade(grade))
        {
            if (grade == EsccGrade.Grade1c)
            {
                flags.Add(NomsCodes.Escc1cDiscuss);
                rationale.Add(new("Noms.A3", Src));
            }
            else
                rationale.Add(new("Noms.A2", Src, EsccGrades.ToCode(grade)));
            return NomsCodes.Srs;
        }

        switch (input.FitForSurgery)
        {
            case true:
                rationale.Add(new("Noms.A4", Src, EsccGrades.ToCode(grade)));
                return NomsCodes.SeparationSurgeryThenSrs;
            case false:
                flags.Add(NomsCodes.PalliativeNotFitForSurgery);
                rationale.Add(new("Noms.A5", Src, EsccGrades.ToCode(grade)));
                return NomsCodes.Cebrt;
            default:
                AddOnce(missing, "fitForSurgery");
                return null;
        }
    }

    private static Radiosensitivity? ResolveRadiosensitivity(NomsInput input, RadiosensitivityTable table, List<string> flags, List<RuleText> rationale)
    {
        if (input.Radiosensitivity is Radiosensitivity.Sensitive or Radiosensitivity.Resistant)
        {
            rationale.Add(new("Noms.SetByRadiationOncology", input.Radiosensitivity));
            return input.Radiosensitivity;
        }
        if (input.Radiosensitivity is not null)
        {
            rationale.Add(new("Noms.A6Recorded", Src, input.Radiosensitivity));
            return null;
        }
        if (input.Histology is not { } histology || !Enum.IsDefined(histology)) return null;

        var entry = table.Lookup(histology);
        if (entry.Radiosensitivity == Radiosensitivity.Unknown)
        {
            rationale.Add(new("Noms.A6Histology", Src, histology, entry.Source));
            return null;
        }
        if (entry.Verified)
            rationale.Add(new("Noms.Prefilled", entry.Radiosensitivity, histology, entry.Source, table.Version));
        else
        {
            flags.Add(NomsCodes.RadiosensitivityUnverified);
            rationale.Add(new("Noms.PrefilledUncertain", entry.Radiosensitivity, histology, entry.Source, table.Version));
        }
        return entry.Radiosensitivity;
    }

    private static string? StepB(NomsInput input, string? radiation, List<string> missing, List<RuleText> rationale)
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
            rationale.Add(new("Noms.B1", Src, sins));
            return null;
        }
        if (!gross && Sins.CategoryFor(sins!.Value) == SinsCategory.PotentiallyUnstable)
        {
            rationale.Add(new("Noms.B2", Src, sins));
            return NomsCodes.SurgicalConsult;
        }

        var why = gross ? new RuleText("Noms.GrossInstability") : new RuleText("Noms.SinsUnstable", sins);
        switch (input.FitForSurgery)
        {
            case true:
                rationale.Add(new(radiation == NomsCodes.SeparationSurgeryThenSrs ? "Noms.B3Separation" : "Noms.B3", Src, why));
                return NomsCodes.Stabilization;
            case false:
                rationale.Add(new("Noms.B4", Src, why));
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
