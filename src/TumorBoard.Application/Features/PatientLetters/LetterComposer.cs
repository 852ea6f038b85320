using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.PatientLetters;
using TumorBoard.Domain.Patients;

namespace TumorBoard.Application.Features.PatientLetters;

/// <summary>What a letter is written from: the signed content, the patient's name and language, the edited "why", the board's number.</summary>
public sealed record LetterInput(PatientLanguage Language, string PatientName, DateOnly MeetingDay, DateOnly Today,
    DecisionContent Content, string? ResponsibleClinicianName, string EmergencyPhone, string Why);

/// <summary>
/// Writes the patient letter (pathways.md §4) from the per-language texts (<see cref="LetterTexts"/>): addressed to the
/// patient, plan first, every step and timing in plain words from the glossary, then why, what happens next and by when,
/// the MSCC warning signs with the 24-hour number, and that the team recommends and the patient and their doctor decide.
/// Takes only the plan, intent, outcome, information needed, follow-up date and responsible clinician from the decision:
/// never positions, dissent, discordance, scores or the patient-preference notes.
/// </summary>
public static class LetterComposer
{
    static readonly string[] Signs = ["Sign_BackPain", "Sign_Weakness", "Sign_Numbness", "Sign_Walking", "Sign_BladderBowel"];

    public static PatientLetterDocument Compose(LetterInput input)
    {
        var l = input.Language;
        var content = input.Content;
        string T(string key) => LetterTexts.Get(key, l);
        string F(string key, params object[] args) => LetterTexts.Format(key, l, args);
        string D(DateOnly day) => LetterTexts.Date(day, l);

        var contactBy = LetterContact.ContactBy(content.Plan, content.FollowUpDate, input.Today);
        List<string> next =
        [
            string.IsNullOrWhiteSpace(input.ResponsibleClinicianName)
                ? F("Next_ContactTeam", D(contactBy))
                : F("Next_Contact", input.ResponsibleClinicianName, D(contactBy)),
        ];
        if (content.FollowUpDate is { } followUp && followUp > contactBy) next.Add(F("Next_FollowUp", D(followUp)));
        next.Add(T("Next_Questions"));

        return new PatientLetterDocument
        {
            Language = l,
            Culture = T("Culture"),
            Date = D(input.Today),
            Subject = T("Subject"),
            Salutation = F("Salutation", input.PatientName),
            Opening = F("Opening", D(input.MeetingDay)),
            RecommendationHeading = T("RecommendationHeading"),
            RecommendationIntro = LetterTexts.Of(content.Outcome, l),
            Steps = [.. content.Plan.Select((s, i) => Step(i + 1, s, l))],
            InformationNeeded = content.Outcome == DecisionOutcome.MoreInformationNeeded
                ? [.. content.InformationNeeded.Select(n => LetterTexts.Of(n, l))] : [],
            Aim = content.Intent is { } intent ? LetterTexts.Of(intent, l) : null,
            WhyHeading = T("WhyHeading"),
            Why = input.Why.Trim(),
            NextHeading = T("NextHeading"),
            Next = next,
            WarningHeading = T("WarningHeading"),
            WarningIntro = T("WarningIntro"),
            WarningSigns = [.. Signs.Select(T)],
            WarningCall = F("WarningCall", input.EmergencyPhone),
            WarningNoWait = T("WarningNoWait"),
            DecideHeading = T("DecideHeading"),
            Decide = T("Decide"),
            Closing = T("Closing"),
            SignOff = string.IsNullOrWhiteSpace(input.ResponsibleClinicianName) ? T("Team") : F("SignOff", input.ResponsibleClinicianName),
        };
    }

    static LetterStep Step(int number, PlanStep step, PatientLanguage l)
    {
        List<string> details = [];
        if (PlanStep.IsRadiotherapy(step.Kind) && step.Fractions is { } f)
            details.Add(f == 1 ? LetterTexts.Get("Sessions_One", l) : LetterTexts.Format("Sessions_Many", l, f));
        if (step.Timing is { } timing) details.Add(LetterTexts.Of(timing, l));
        return new LetterStep(number, LetterTexts.Of(step.Kind!.Value, l), details);
    }
}
