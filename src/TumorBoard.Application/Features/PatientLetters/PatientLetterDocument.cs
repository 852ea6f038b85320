using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>One recommended step as the patient reads it: the plain words, then how often and when.</summary>
public sealed record LetterStep(int Number, string Text, IReadOnlyList<string> Details);

/// <summary>
/// The whole letter as the patient reads it, in their language, stored with each version: the print page renders it, and
/// the PDF renderer can take the same record later (the seam for the decision-report PDF work). Plan first, then why,
/// what happens next, the warning signs with the 24-hour number, and who decides (pathways.md §4). It holds no dissent,
/// no positions, no scores: only what <see cref="LetterComposer"/> puts in from the plan, the edited "why" and the board's settings.
/// </summary>
public sealed record PatientLetterDocument
{
    public PatientLanguage Language { get; init; }
    public string Culture { get; init; } = "";
    public string Date { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Salutation { get; init; } = "";
    public string Opening { get; init; } = "";
    public string RecommendationHeading { get; init; } = "";
    public string RecommendationIntro { get; init; } = "";
    public IReadOnlyList<LetterStep> Steps { get; init; } = [];
    public IReadOnlyList<string> InformationNeeded { get; init; } = [];
    public string? Aim { get; init; }
    public string WhyHeading { get; init; } = "";
    public string Why { get; init; } = "";
    public string NextHeading { get; init; } = "";
    public IReadOnlyList<string> Next { get; init; } = [];
    public string WarningHeading { get; init; } = "";
    public string WarningIntro { get; init; } = "";
    public IReadOnlyList<string> WarningSigns { get; init; } = [];
    public string WarningCall { get; init; } = "";
    public string WarningNoWait { get; init; } = "";
    public string DecideHeading { get; init; } = "";
    public string Decide { get; init; } = "";
    public string Closing { get; init; } = "";
    public string SignOff { get; init; } = "";

    /// <summary>Every unit of text in reading order (headings, paragraphs, list items): what the readability check reads.</summary>
    public IEnumerable<string> Units()
    {
        yield return Subject;
        yield return Salutation;
        yield return Opening;
        yield return RecommendationHeading;
        yield return RecommendationIntro;
        foreach (var s in Steps)
        {
            yield return s.Text;
            foreach (var d in s.Details) yield return d;
        }
        foreach (var i in InformationNeeded) yield return i;
        if (Aim is not null) yield return Aim;
        yield return WhyHeading;
        yield return Why;
        yield return NextHeading;
        foreach (var n in Next) yield return n;
        yield return WarningHeading;
        yield return WarningIntro;
        foreach (var w in WarningSigns) yield return w;
        yield return WarningCall;
        yield return WarningNoWait;
        yield return DecideHeading;
        yield return Decide;
        yield return Closing;
        yield return SignOff;
    }

    /// <summary>The letter as plain text, one unit per line.</summary>
    public string PlainText() => string.Join("\n", Units().Where(u => !string.IsNullOrWhiteSpace(u)));
}
