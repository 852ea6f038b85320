using TumorBoard.Domain.Decisions;

namespace TumorBoard.Domain.PatientLetters;

/// <summary>
/// By when the letter promises the patient a call (pathways.md §4: "who will contact them by when"). Our rule, the issue
/// being silent: before the first plan step is due — the next day for an emergency step, within 3 days for an urgent one,
/// 7 days for "soon", otherwise (elective, after a previous step, no plan) 14 days — and never later than the decision's
/// follow-up date when that comes first.
/// </summary>
public static class LetterContact
{
    public static int DaysFor(StepTiming? firstStep) => firstStep switch
    {
        StepTiming.Emergency => 1,
        StepTiming.Urgent => 3,
        StepTiming.Soon => 7,
        _ => 14,
    };

    public static DateOnly ContactBy(IReadOnlyList<PlanStep> plan, DateOnly? followUpDate, DateOnly today)
    {
        var by = today.AddDays(DaysFor(plan.Count > 0 ? plan[0].Timing : null));
        return followUpDate is { } f && f > today && f < by ? f : by;
    }
}
