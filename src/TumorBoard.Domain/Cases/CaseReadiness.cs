namespace TumorBoard.Domain.Cases;

/// <summary>
/// The minimum dataset a board needs before a case may be put on an agenda (foundation issue §4):
/// what the three disciplines need to start their assessments (histology, where the lesions are and
/// when they were imaged, neurology, pain, performance status, extent of disease) and the question.
/// </summary>
public static class CaseReadiness
{
    public static IReadOnlyList<string> MissingItems(CaseDetails d)
    {
        List<string> missing = [];
        if (d.Histology == Clinical.PrimaryHistology.Other && string.IsNullOrWhiteSpace(d.HistologyOtherText))
            missing.Add("the primary histology (describe 'Other')");
        if (d.DiagnosisDate is null) missing.Add("the date of diagnosis");
        if (d.Lesions.Count == 0) missing.Add("at least one spinal lesion");
        if (d.Lesions.Any(l => l.Compartments.Count == 0))
            missing.Add("the compartments involved for every lesion");
        if (d.Pain is null) missing.Add("the pain character");
        if (d.Frankel is null) missing.Add("the Frankel grade");
        if (d.Myelopathy is null) missing.Add("whether there is myelopathy");
        if (d.Ecog is null && d.Karnofsky is null) missing.Add("ECOG or Karnofsky performance status");
        if (d.ExtraspinalBoneMetastases is null) missing.Add("the number of extraspinal bone metastases");
        if (d.VisceralMetastases is null) missing.Add("the visceral metastases");
        if (d.BrainMetastases is null) missing.Add("whether there are brain metastases");
        if (string.IsNullOrWhiteSpace(d.ClinicalQuestion)) missing.Add("the clinical question");
        if (string.IsNullOrWhiteSpace(d.ReferringClinician)) missing.Add("the referring clinician");
        return missing;
    }
}
