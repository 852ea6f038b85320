using TumorBoard.Application.Features.Cases;

namespace TumorBoard.Web.Pages.Cases;

/// <summary>Fills the edit form from the stored case.</summary>
public static class CaseForms
{
    public static UpdateCase.Command ToUpdate(GetCase.Result c)
    {
        var d = c.Details;
        return new UpdateCase.Command
        {
            CaseId = c.Id, ExpectedVersion = c.Version,
            Histology = d.Histology, HistologyOtherText = d.HistologyOtherText, DiagnosisDate = d.DiagnosisDate,
            Lesions = d.Lesions.Select(l => new LesionInput
            {
                LevelFrom = l.LevelFrom, LevelTo = l.LevelTo == l.LevelFrom ? null : l.LevelTo,
                Compartments = [.. l.Compartments], ImagingDate = l.ImagingDate,
            }).ToList(),
            Pain = d.Pain, Frankel = d.Frankel, Asia = d.Asia, Myelopathy = d.Myelopathy, MsccSymptoms = [.. d.MsccSymptoms], SymptomOnsetDate = d.SymptomOnsetDate,
            Urgency = d.Urgency, Ecog = d.Ecog, Karnofsky = d.Karnofsky, ExtraspinalBoneMetastases = d.ExtraspinalBoneMetastases,
            VisceralMetastases = d.VisceralMetastases, BrainMetastases = d.BrainMetastases,
            PriorRadiotherapy = d.PriorRadiotherapy.Select(r => new RadiotherapyInput
            {
                LevelFrom = r.LevelFrom, LevelTo = r.LevelTo == r.LevelFrom ? null : r.LevelTo,
                TotalDoseGy = r.TotalDoseGy, Fractions = r.Fractions, EndDate = r.EndDate,
            }).ToList(),
            CurrentSystemicTherapy = d.CurrentSystemicTherapy, ClinicalQuestion = d.ClinicalQuestion,
            ReferringClinician = d.ReferringClinician, PatientPreferences = d.PatientPreferences,
        };
    }
}
