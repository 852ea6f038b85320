using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;

namespace TumorBoard.Domain.Assessments;

/// <summary>A value a form shows pre-filled: the field (the content's property name) and where it comes from, in words.</summary>
public sealed record PrefilledField(string Field, string Source);

/// <summary>Content pre-filled for a new form, and which fields were filled (each marked on the form; all editable).</summary>
public sealed record Prefilled<T>(T Content, IReadOnlyList<PrefilledField> Fields);

/// <summary>
/// The medical oncology form pre-filled from the case record (issue #17 item 9). Only what the case states or what the
/// score tables name: a histology the Tokuhashi or Tomita table does not place unambiguously is left for the specialist
/// (scores.md §4 and §5: colon vs rectum, sarcomas, neuroendocrine tumours, growth rates not among Tomita's examples).
/// </summary>
public static class MedicalOncologyPrefill
{
    public const string FromCase = "from the case";

    /// <summary>Revised Tokuhashi primary site (scores.md §4); sites the table does not list score "Others" as written.</summary>
    public static TokuhashiPrimarySite? TokuhashiSite(PrimaryHistology histology) => histology switch
    {
        PrimaryHistology.LungNsclc or PrimaryHistology.SmallCellLung => TokuhashiPrimarySite.Lung,
        PrimaryHistology.Gastric => TokuhashiPrimarySite.Stomach,
        PrimaryHistology.Bladder => TokuhashiPrimarySite.Bladder,
        PrimaryHistology.Oesophageal => TokuhashiPrimarySite.Esophagus,
        PrimaryHistology.Pancreatic => TokuhashiPrimarySite.Pancreas,
        PrimaryHistology.Hepatocellular => TokuhashiPrimarySite.Liver,
        PrimaryHistology.UnknownPrimary => TokuhashiPrimarySite.Unidentified,
        PrimaryHistology.RenalCell => TokuhashiPrimarySite.Kidney,
        PrimaryHistology.Uterine => TokuhashiPrimarySite.Uterus,
        PrimaryHistology.Thyroid => TokuhashiPrimarySite.Thyroid,
        PrimaryHistology.Breast => TokuhashiPrimarySite.Breast,
        PrimaryHistology.Prostate => TokuhashiPrimarySite.Prostate,
        PrimaryHistology.Melanoma or PrimaryHistology.Lymphoma or PrimaryHistology.MultipleMyeloma or PrimaryHistology.Ovarian
            or PrimaryHistology.GermCell => TokuhashiPrimarySite.Other,
        _ => null, // colorectal (colon "Others" or rectum), sarcoma (osteosarcoma or not), neuroendocrine, other
    };

    /// <summary>Tomita growth group from the examples of scores.md §5 (unknown primary counts as rapid).</summary>
    public static TomitaPrimaryGrowth? TomitaGrowth(PrimaryHistology histology) => histology switch
    {
        PrimaryHistology.Breast or PrimaryHistology.Thyroid or PrimaryHistology.Prostate => TomitaPrimaryGrowth.Slow,
        PrimaryHistology.RenalCell or PrimaryHistology.Uterine => TomitaPrimaryGrowth.Moderate,
        PrimaryHistology.LungNsclc or PrimaryHistology.SmallCellLung or PrimaryHistology.Hepatocellular or PrimaryHistology.Gastric
            or PrimaryHistology.Colorectal or PrimaryHistology.UnknownPrimary => TomitaPrimaryGrowth.Rapid,
        _ => null,
    };

    public static Prefilled<MedicalOncologyContent> From(CaseDetails d)
    {
        var levels = d.Lesions.SelectMany(l => Enumerable.Range((int)l.LevelFrom, (int)l.LevelTo - (int)l.LevelFrom + 1)).Distinct().Count();
        var content = new MedicalOncologyContent
        {
            TokuhashiPrimarySite = TokuhashiSite(d.Histology),
            TomitaPrimaryGrowth = TomitaGrowth(d.Histology),
            VisceralMetastases = d.VisceralMetastases,
            TomitaVisceral = d.VisceralMetastases == Clinical.VisceralMetastases.None ? Scores.TomitaVisceral.None : null,
            BrainMetastases = d.BrainMetastases,
            ExtraspinalBoneMetastases = d.ExtraspinalBoneMetastases,
            VertebralBodyMetastases = levels == 0 ? null : levels,
            TomitaBoneMetastases = levels == 0 || d.ExtraspinalBoneMetastases is null ? null
                : levels == 1 && d.ExtraspinalBoneMetastases == 0 ? Scores.TomitaBoneMetastases.Solitary : Scores.TomitaBoneMetastases.Multiple,
            SystemicTherapyText = string.IsNullOrWhiteSpace(d.CurrentSystemicTherapy) ? null : d.CurrentSystemicTherapy.Trim(),
            Ecog = d.Ecog, Karnofsky = d.Karnofsky, Frankel = d.Frankel,
            PatientPreferences = string.IsNullOrWhiteSpace(d.PatientPreferences) ? null : d.PatientPreferences,
        };
        (string Field, object? Value)[] values =
        [
            (nameof(content.TokuhashiPrimarySite), content.TokuhashiPrimarySite), (nameof(content.TomitaPrimaryGrowth), content.TomitaPrimaryGrowth),
            (nameof(content.VisceralMetastases), content.VisceralMetastases), (nameof(content.TomitaVisceral), content.TomitaVisceral),
            (nameof(content.BrainMetastases), content.BrainMetastases), (nameof(content.ExtraspinalBoneMetastases), content.ExtraspinalBoneMetastases),
            (nameof(content.VertebralBodyMetastases), content.VertebralBodyMetastases), (nameof(content.TomitaBoneMetastases), content.TomitaBoneMetastases),
            (nameof(content.SystemicTherapyText), content.SystemicTherapyText), (nameof(content.Ecog), content.Ecog),
            (nameof(content.Karnofsky), content.Karnofsky), (nameof(content.Frankel), content.Frankel),
            (nameof(content.PatientPreferences), content.PatientPreferences),
        ];
        return new(content, [.. values.Where(v => v.Value is not null).Select(v => new PrefilledField(v.Field, FromCase))]);
    }
}
