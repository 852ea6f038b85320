namespace TumorBoard.Domain.Scores;

/// <summary>The NOMS output codes (<see cref="NomsCodes"/>) in the words a clinician reads on screen.</summary>
public static class NomsWords
{
    public static string Radiation(string? code) => code switch
    {
        null => "not determined yet",
        NomsCodes.Cebrt => "conventional EBRT",
        NomsCodes.Srs => "SRS (stereotactic radiosurgery)",
        NomsCodes.SeparationSurgeryThenSrs => "separation surgery followed by SRS",
        _ => code,
    };

    /// <summary><see cref="Radiation"/> as a <see cref="RuleText"/> (English as <see cref="Radiation"/>, or the reader's language).</summary>
    public static Common.RuleText RadiationText(string? code) => code switch
    {
        NomsCodes.Cebrt => new("Noms.Radiation.Cebrt"),
        NomsCodes.Srs => new("Noms.Radiation.Srs"),
        NomsCodes.SeparationSurgeryThenSrs => new("Noms.Radiation.SeparationSurgeryThenSrs"),
        _ => new("Noms.Code", Radiation(code)),
    };

    public static string Mechanical(string? code, bool complete) => code switch
    {
        null => complete ? "stable: nothing to add" : "not determined yet",
        NomsCodes.Stabilization => "stabilisation",
        NomsCodes.SurgicalConsult => "surgical consultation",
        NomsCodes.InstabilityNotSurgicallyAddressable => "instability that surgery cannot address",
        _ => code,
    };
}
