using System.Text.Json;
using System.Text.Json.Serialization;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.Domain.Common;

namespace TumorBoard.Domain.Assessments;

/// <summary>What an assessment's scores depend on outside its own content: the case and the radiosensitivity table.</summary>
public sealed record AssessmentContext(PrimaryHistology Histology, IReadOnlyList<PriorRadiotherapy> PriorRadiotherapy,
    RadiosensitivityTable Table)
{
    public static AssessmentContext For(TumorBoardCase c, RadiosensitivityTable table) => new(c.Histology, c.PriorRadiotherapy, table);

    public static AssessmentContext For(CaseDetails d, RadiosensitivityTable table) => new(d.Histology, d.PriorRadiotherapy, table);
}

/// <summary>Scores computed on the server from components (scores.md general rule 1) plus visible warnings.</summary>
public sealed record AssessmentEvaluation(object Scores, IReadOnlyList<string> Warnings);

/// <summary>
/// One discipline's structured opinion. Only components are stored; every total is computed by <see cref="Evaluate"/>.
/// A total sent by a client has no property here and is dropped on reading.
/// </summary>
public abstract record AssessmentContent
{
    [JsonIgnore] public abstract Discipline Discipline { get; }
    [MultiLine]
    public string? Rationale { get; init; }

    public abstract AssessmentEvaluation Evaluate(AssessmentContext context);

    /// <summary>
    /// Exactly this discipline's content record, without the fields of a type that extends it (the API's revision body adds
    /// the reason): what is validated, stored and compared is always one of the three content records.
    /// </summary>
    public abstract AssessmentContent AsContent();

    /// <summary>What must be filled in before the assessment can be submitted or revised (drafts may be partial).</summary>
    public abstract IReadOnlyList<string> MissingForSubmission();
}

/// <summary>The one JSON shape for stored content and computed scores (camelCase, enum names).</summary>
public static class AssessmentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static string Serialize(AssessmentContent content) => content switch
    {
        NeurosurgeryContent n => JsonSerializer.Serialize(n, Options),
        RadiationOncologyContent r => JsonSerializer.Serialize(r, Options),
        MedicalOncologyContent m => JsonSerializer.Serialize(m, Options),
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    public static string Serialize(AssessmentEvaluation evaluation) => JsonSerializer.Serialize(evaluation, Options);

    public static AssessmentContent Deserialize(Discipline discipline, string json) => discipline switch
    {
        Discipline.Neurosurgery => JsonSerializer.Deserialize<NeurosurgeryContent>(json, Options)!,
        Discipline.RadiationOncology => JsonSerializer.Deserialize<RadiationOncologyContent>(json, Options)!,
        Discipline.MedicalOncology => JsonSerializer.Deserialize<MedicalOncologyContent>(json, Options)!,
        _ => throw new ArgumentOutOfRangeException(nameof(discipline), discipline, "No structured assessment for this discipline."),
    };

    /// <summary>The disciplines that write a structured assessment (the quorum disciplines).</summary>
    public static IReadOnlyList<Discipline> Disciplines { get; } =
        [Discipline.Neurosurgery, Discipline.RadiationOncology, Discipline.MedicalOncology];
}
