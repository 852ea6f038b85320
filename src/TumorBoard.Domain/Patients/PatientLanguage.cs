namespace TumorBoard.Domain.Patients;

/// <summary>
/// The language the patient reads, for what is written to them (the patient letter). Independent of the language of the
/// pages the staff use. The members are the ISO 639-1 codes, which is also how the API carries them.
/// </summary>
public enum PatientLanguage
{
    de,
    fr,
    it,
    en,
}
