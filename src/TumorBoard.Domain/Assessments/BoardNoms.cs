using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;

namespace TumorBoard.Domain.Assessments;

/// <summary>The NOMS suggestion the board sees, and which submitted assessments it still lacks.</summary>
public sealed record BoardNomsResult(NomsResult Suggestion, IReadOnlyList<Discipline> MissingAssessments, IReadOnlyList<string> Notes)
{
    /// <summary>The <see cref="Notes"/> as texts (not in the JSON; null when read back from a stored decision).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<RuleText>? NoteTexts { get; init; }

    /// <summary>The notes in the current UI culture (as stored, in English, where no texts are known).</summary>
    public IReadOnlyList<string> LocalNotes() => NoteTexts is { } texts ? [.. texts.Select(t => t.Local())] : Notes;
}

/// <summary>
/// NOMS (scores.md §3.1, §3.3) from the current SUBMITTED assessments: N and M from neurosurgery (the worst ESCC and the
/// highest SINS over the lesions, gross instability, acute/progressive myelopathy), O from radiation oncology (its
/// radiosensitivity, override included), S from medical oncology and neurosurgery's fitness for open surgery.
/// Advisory only (scores.md §3.3).
/// </summary>
public static class BoardNoms
{
    public static BoardNomsResult Suggest(NeurosurgeryContent? neurosurgery, RadiationOncologyContent? radiationOncology,
        MedicalOncologyContent? medicalOncology, AssessmentContext context)
    {
        List<Discipline> missing = [];
        List<RuleText> notes = [];
        var input = new NomsInput();

        if (neurosurgery is null) missing.Add(Discipline.Neurosurgery);
        else
        {
            var grades = neurosurgery.Lesions.Select(l => l.Grade).OfType<EsccGrade>().ToList();
            var sins = neurosurgery.Lesions.Select(l => Sins.Compute(l.ToSinsInput()).Total).OfType<int>().ToList();
            input = input with
            {
                Escc = grades.Count == 0 ? null : grades.Max(),
                SinsTotal = sins.Count == 0 ? null : sins.Max(),
                GrossInstability = neurosurgery.Lesions.Any(l => l.GrossInstability == true),
                AcuteProgressiveMyelopathy = neurosurgery.Myelopathy == true
                    && neurosurgery.Course is NeurologicalCourse.Acute or NeurologicalCourse.Progressive,
                FitForSurgery = neurosurgery.FitForOpenSurgery switch
                {
                    SurgicalFitness.Yes => true, SurgicalFitness.No => false, _ => null,
                },
            };
            if (neurosurgery.FitForOpenSurgery == SurgicalFitness.Borderline)
                notes.Add(new("Noms.Note.Borderline"));
        }

        if (radiationOncology is null) missing.Add(Discipline.RadiationOncology);
        else
        {
            var sensitivity = radiationOncology.RadiosensitivityFor(context);
            // An Unknown class stays Unknown: NOMS reports A6 "radiation oncology must set the class".
            input = input with { Radiosensitivity = sensitivity.Effective };
        }

        if (medicalOncology is null) missing.Add(Discipline.MedicalOncology);
        else if (medicalOncology.FitForSystemicTherapy == false)
            notes.Add(new("Noms.Note.NotFitSystemic"));
        if (medicalOncology?.ExpectedSurvival is { } survival)
            notes.Add(new("Noms.Note.Survival", survival));

        return new BoardNomsResult(Noms.Suggest(input, context.Table), missing, [.. notes.Select(n => n.English)]) { NoteTexts = notes };
    }
}
