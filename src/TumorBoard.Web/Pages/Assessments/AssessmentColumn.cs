using System.Text.Json;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Scores;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Shared;
using TumorBoard.Web.Forms;
using static TumorBoard.Web.Pages.Scores.ScoreOptions;
using static TumorBoard.Web.Pages.Scores.ScoreTexts;

namespace TumorBoard.Web.Pages.Assessments;

/// <summary>One labelled value of an assessment as the side-by-side view shows it (label and value in the user's language).</summary>
public sealed record Fact(string Label, string Value);

/// <summary>
/// One discipline's column of the side-by-side view and of the board view: the latest SUBMITTED version (a submitted or
/// locked assessment's current version is its submitted one; a Draft counts as not submitted), its key content and its
/// computed scores.
/// </summary>
public sealed class AssessmentColumn
{
    public required Discipline Discipline { get; init; }
    public string Title => DisplayWords.Local(Discipline);
    public string Slug => DisciplineRoute.Slug(Discipline);
    /// <summary>Side-by-side view: the latest version of any kind; null when the discipline has not started.</summary>
    public ListAssessments.Summary? Latest { get; init; }
    /// <summary>Board view: the latest submitted version; null while there is none.</summary>
    public GetAssessmentVersion.Result? Submitted { get; init; }
    /// <summary>The submitted content; null while there is none.</summary>
    public AssessmentContent? Content { get; init; }
    public IReadOnlyList<Fact> Facts { get; init; } = [];
    public IReadOnlyList<Fact> Scores { get; init; } = [];

    public static AssessmentColumn For(Discipline discipline, ListAssessments.Result list)
    {
        var latest = list.Assessments.FirstOrDefault(a => a.Discipline == discipline);
        return latest is { Status: AssessmentStatus.Submitted or AssessmentStatus.Locked }
            ? Read(discipline, latest.Content, latest.Computed, latest, null)
            : new AssessmentColumn { Discipline = discipline, Latest = latest };
    }

    public static AssessmentColumn For(Discipline discipline, GetAssessmentVersion.Result? submitted) =>
        submitted is null
            ? new AssessmentColumn { Discipline = discipline }
            : Read(discipline, submitted.Content, submitted.Computed, null, submitted);

    static AssessmentColumn Read(Discipline discipline, JsonElement contentJson, JsonElement computed,
        ListAssessments.Summary? latest, GetAssessmentVersion.Result? submitted)
    {
        var content = AssessmentJson.Deserialize(discipline, contentJson.GetRawText());
        var scores = computed.TryGetProperty("scores", out var s) ? s : default;
        return new AssessmentColumn
        {
            Discipline = discipline, Latest = latest, Submitted = submitted, Content = content,
            Facts = content switch
            {
                NeurosurgeryContent n => Neurosurgery(n),
                RadiationOncologyContent r => RadiationOncology(r),
                MedicalOncologyContent m => MedicalOncology(m),
                _ => [],
            },
            Scores = scores.ValueKind == JsonValueKind.Object ? ScoresOf(discipline, scores) : [],
        };
    }

    static List<Fact> Neurosurgery(NeurosurgeryContent n) =>
    [
        new(T["Recommendation"], n.Recommendation is { } r ? DisplayWords.Local(r) : "—"),
        new(T["Target levels"], Levels(n.TargetLevels)),
        new(T["Fit for open surgery"], Show(n.FitForOpenSurgery) + (n.FitnessReason is { Length: > 0 } why ? $" ({why})" : "")),
        new("Frankel / ASIA", $"{Show(n.Frankel)} / {Show(n.Asia)}"),
        new(T["Myelopathy"], $"{YesNo(n.Myelopathy)}, {Show(n.Course)}"),
    ];

    static List<Fact> RadiationOncology(RadiationOncologyContent r) =>
    [
        new(T["Recommendation"], r.Recommendation is { } rec ? DisplayWords.Local(rec) : "—"),
        new(T["Dose"], r.TotalDoseGy is { } d && r.Fractions is { } f ? (f == 1 ? T["{0} Gy in 1 fraction", d] : T["{0} Gy in {1} fractions", d, f]) : "—"),
        new(T["Target levels"], Levels(r.TargetLevels)),
        new(T["Timing"], Show(r.Timing)),
        new(T["Re-irradiation"], YesNo(r.Reirradiation)),
    ];

    static List<Fact> MedicalOncology(MedicalOncologyContent m) =>
    [
        new(T["Systemic disease"], Show(m.SystemicDisease)),
        new("ECOG / Karnofsky", $"{Show(m.Ecog)} / {Show(m.Karnofsky)}"),
        new(T["Expected survival"], Show(m.ExpectedSurvival)),
        new(T["Systemic therapy"], Show(m.SystemicTherapy) + (m.SystemicTherapyText is { Length: > 0 } t ? $": {t}" : "")),
        new(T["Bone-modifying agent"], Show(m.BoneModifyingAgent)),
        new(T["Fit for systemic therapy"], YesNo(m.FitForSystemicTherapy)),
    ];

    static List<Fact> ScoresOf(Discipline discipline, JsonElement s)
    {
        List<Fact> facts = [];
        switch (discipline)
        {
            case Discipline.Neurosurgery when s.TryGetProperty("lesions", out var lesions):
                foreach (var l in lesions.EnumerateArray())
                {
                    var sins = Total<SinsCategory>(l, "sins", "category");
                    var escc = l.TryGetProperty("escc", out var e) && e.ValueKind == JsonValueKind.Object
                        ? $"ESCC {Text(e, "grade")} ({EsccCategory(e)})" : "ESCC —";
                    facts.Add(new(T["Lesion {0}", Text(l, "indexLevel")], $"SINS {sins}; {escc}"));
                }
                break;
            case Discipline.RadiationOncology when s.TryGetProperty("radiosensitivity", out var rs):
                var overridden = rs.TryGetProperty("override", out var o) && o.ValueKind == JsonValueKind.String;
                var effective = Member<Radiosensitivity>(Text(rs, "effective"));
                var unverified = rs.TryGetProperty("tableVerified", out var v) && !v.GetBoolean();
                facts.Add(new(T["Radiosensitivity"], overridden
                    ? T["{0} (override: {1})", effective, Text(rs, "overrideReason")]
                    : unverified
                        ? T["{0} (table: {1}, unverified)", effective, Text(rs, "tableSource")]
                        : T["{0} (table: {1})", effective, Text(rs, "tableSource")]));
                facts.Add(new(T["Prior RT at target levels"],
                    s.TryGetProperty("priorRadiotherapyAtSameLevels", out var p) && p.GetBoolean() ? T["Yes"] : T["No"]));
                if (s.TryGetProperty("dosePerFractionGy", out var dpf) && dpf.ValueKind == JsonValueKind.Number)
                    facts.Add(new(T["Dose per fraction"], $"{dpf.GetDecimal()} Gy"));
                break;
            case Discipline.MedicalOncology:
                facts.Add(new(T["Tokuhashi (revised)"], Total<TokuhashiPrognosis>(s, "tokuhashi", "prognosis")));
                facts.Add(new("Tomita", Total<TomitaStrategy>(s, "tomita", "strategy")));
                break;
        }
        return facts;
    }

    /// <summary>"9 (Potentially unstable)" from {"total":9,"category":"PotentiallyUnstable"}; "incomplete" without a total.</summary>
    static string Total<TEnum>(JsonElement parent, string name, string category) where TEnum : struct, Enum =>
        parent.TryGetProperty(name, out var score) && score.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number
            ? $"{t.GetInt32()} ({Member<TEnum>(Text(score, category))})"
            : T["incomplete"];

    /// <summary>The words of a member name stored in the scores JSON ("PotentiallyUnstable" -> "Potentially unstable").</summary>
    static string Member<TEnum>(string name) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(name, ignoreCase: false, out var value) && Enum.IsDefined(value) ? DisplayWords.Local(value) : name;

    /// <summary>High grade = 2 and 3; 1c follows the low-grade branch with its discussion flag (scores.md §2).</summary>
    static string EsccCategory(JsonElement escc) =>
        escc.TryGetProperty("highGrade", out var h) && h.GetBoolean() ? T["high grade"]
        : escc.TryGetProperty("flags", out var f) && f.EnumerateArray().Any(x => x.GetString() == EsccGrades.DiscussFlag)
            ? T["low grade, 1c: discuss at the board"]
            : T["low grade"];

    /// <summary>Yes or No in the user's language (FormOptions.YesNo is the English one).</summary>
    static string YesNo(bool? value) => value switch { true => T["Yes"], false => T["No"], null => DisplayWords.NotRecorded };

    static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
        ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()) : "—";

    static string Levels(IReadOnlyCollection<Domain.Clinical.SpinalLevel> levels) =>
        levels.Count == 0 ? "—" : string.Join(", ", levels.Order());
}
