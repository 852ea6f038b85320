using System.Text.Json;
using Hl7.Fhir.Model;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using Concept = TumorBoard.Application.Features.Fhir.FhirVocabulary.Concept;
using V = TumorBoard.Application.Features.Fhir.FhirVocabulary;

namespace TumorBoard.Application.Features.Fhir;

/// <summary>
/// SINS and ESCC per lesion (neurosurgery), revised Tokuhashi and Tomita (medical oncology) of one submitted assessment
/// version, as stored with it (the computed scores are never recomputed for an export): the total as the value, the
/// points of each component as a component, the band as a coded component. Incomplete scores are left out.
/// </summary>
public sealed class FhirScoreObservations(FhirBundleBuilder b, FhirCaseResources resources, Discipline discipline, AssessmentVersion version)
{
    sealed record Stored<T>(T Scores);

    public IEnumerable<ResourceReference> Build() => discipline switch
    {
        Discipline.Neurosurgery => Neurosurgery(),
        Discipline.MedicalOncology => MedicalOncology(),
        _ => [],
    };

    IEnumerable<ResourceReference> Neurosurgery()
    {
        var scores = JsonSerializer.Deserialize<Stored<NeurosurgeryScores>>(version.ComputedJson, AssessmentJson.Options)!.Scores;
        for (var i = 0; i < scores.Lesions.Count; i++)
        {
            var lesion = scores.Lesions[i];
            var site = lesion.IndexLevel is { } level ? b.Level(level) : null;
            if (lesion.Sins is { Complete: true, Total: { } total } sins)
                yield return Observation($"sins/{i}", V.Sins, new Integer(total), site,
                [
                    (V.SinsLocation, sins.Points.Location), (V.SinsPain, sins.Points.Pain), (V.SinsBoneLesion, sins.Points.BoneLesion),
                    (V.SinsAlignment, sins.Points.Alignment), (V.SinsCollapse, sins.Points.Collapse), (V.SinsPosterolateral, sins.Points.Posterolateral),
                ], sins.Category is { } c ? (V.SinsCategoryCode, c) : null, $"SINS {total}{At(lesion.IndexLevel)}");
            if (lesion.Escc is { } escc)
                yield return Observation($"escc/{i}", V.Escc, b.Ours(escc.Grade), site, [], null,
                    $"ESCC {EsccGrades.ToCode(escc.Grade)}{At(lesion.IndexLevel)}");
        }
    }

    IEnumerable<ResourceReference> MedicalOncology()
    {
        var scores = JsonSerializer.Deserialize<Stored<MedicalOncologyScores>>(version.ComputedJson, AssessmentJson.Options)!.Scores;
        if (scores.Tokuhashi is { Complete: true, Total: { } tokuhashi } t)
            yield return Observation("tokuhashi", V.Tokuhashi, new Integer(tokuhashi), null,
            [
                (V.TokuhashiGeneralCondition, t.Points.GeneralCondition), (V.TokuhashiExtraspinal, t.Points.ExtraspinalBoneMetastases),
                (V.TokuhashiVertebral, t.Points.VertebralBodyMetastases), (V.TokuhashiVisceral, t.Points.VisceralMetastases),
                (V.TokuhashiPrimary, t.Points.PrimarySite), (V.TokuhashiFrankel, t.Points.Frankel),
            ], t.Prognosis is { } p ? (V.TokuhashiPrognosisCode, p) : null, $"Revised Tokuhashi {tokuhashi}");
        if (scores.Tomita is { Complete: true, Total: { } tomita } m)
            yield return Observation("tomita", V.Tomita, new Integer(tomita), null,
            [
                (V.TomitaGrowth, m.Points.PrimaryGrowth), (V.TomitaVisceralCode, m.Points.VisceralMetastases), (V.TomitaBone, m.Points.BoneMetastases),
            ], m.Strategy is { } s ? (V.TomitaStrategyCode, s) : null, $"Tomita {tomita}");
    }

    static string At(SpinalLevel? level) => level is { } l ? $" at {l}" : "";

    ResourceReference Observation(string what, Concept code, DataType value, CodeableConcept? site, (Concept Code, int? Points)[] components,
        (Concept Code, Enum Band)? band, string display) =>
        b.Add(FhirBundleBuilder.UrlFor($"Observation/{what}", version.Id), () =>
        {
            var observation = new Observation
            {
                Status = ObservationStatus.Final,
                Category = [new CodeableConcept(FhirCaseResources.ObservationCategory, "survey", "Survey")],
                Code = b.Ours(code),
                Subject = resources.Patient(),
                Focus = discipline == Discipline.Neurosurgery ? [resources.BoneMetastasis()] : [],
                Effective = new FhirDateTime(version.CreatedAt.ToUniversalTime()),
                Issued = version.CreatedAt.ToUniversalTime(),
                Performer = [b.Practitioner(version.AuthorId, version.AuthorName)],
                Value = value,
                BodySite = site,
                Note = [new Annotation { Text = new Markdown($"{DisplayWords.Of(discipline)} assessment, version {version.Number}") }],
            };
            foreach (var (component, points) in components)
                if (points is { } p) observation.Component.Add(new Observation.ComponentComponent { Code = b.Ours(component), Value = new Integer(p) });
            if (band is { } bd)
                observation.Component.Add(new Observation.ComponentComponent { Code = b.Ours(bd.Code), Value = b.Ours(bd.Band) });
            return observation;
        }, display);
}
