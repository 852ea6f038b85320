using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Application.Features.Meetings.Calendar;
using TumorBoard.Application.Features.FollowUps;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Application.Features.Audit;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Application.Features.Scores;

namespace TumorBoard.UnitTests.Conventions;

/// <summary>
/// The one list of queries that are deliberately NOT recorded in the read log (DH-11), each with the reason. Every other
/// query records who opened what: it is an ICaseRead or IPatientRead, its result is an ICaseReadResult, or its handler
/// takes CaseReadLog and records the read itself (<see cref="ReadLogConventionTests"/>). A new query fails that test until
/// it records its reads or is added here with a sentence a reviewer can disagree with.
/// </summary>
public static class UnloggedQueries
{
    const string Calculator = "A score calculator over the values sent in the request; it reads no stored record.";
    const string List = "A list that shows many cases at a glance (no single case is opened); opening any of them from it is "
        + "a logged read, and logging every row shown would bury the trail.";
    const string Dispatches = "How and when a decision report went to the referrer and to whom (a clinician's name): no patient or "
        + "clinical content; the report itself (GetDecision) is a logged read of its case.";
    const string Staff = "Staff accounts and names; no patient or case data.";

    public static readonly IReadOnlyDictionary<Type, string> Reasons = new Dictionary<Type, string>
    {
        [typeof(ComputeSins.Query)] = Calculator,
        [typeof(ComputeTokuhashi.Query)] = Calculator,
        [typeof(ComputeTomita.Query)] = Calculator,
        [typeof(EvaluateEscc.Query)] = Calculator,
        [typeof(SuggestNoms.Query)] = Calculator,
        [typeof(ConvertPerformanceStatus.Query)] = Calculator,

        [typeof(ListCases.Query)] = List,
        [typeof(FindPatients.Query)] = List,
        [typeof(GetMeeting.Query)] = List + " The agenda is the board's working list of its cases (MRN, name, question, readiness).",
        [typeof(GetCoordinatorDashboard.Query)] = List,
        [typeof(GetSpecialistWorklist.Query)] = List,
        [typeof(TumorBoard.Application.Features.FastTrack.GetFastTrackWorklist.Query)] = List,
        [typeof(ListMyFollowUps.Query)] = List,
        [typeof(ListOverdueFollowUps.Query)] = List,
        [typeof(ListMeetingDecisions.Query)] = "Ids, numbers and statuses of a meeting's decisions; no clinical content.",
        [typeof(TumorBoard.Application.Features.PatientLetters.ListPatientLetters.Query)] = "The letters of a decision: status, language, "
            + "version numbers and who wrote them, never their text; reading a letter (GetPatientLetter) is a logged read of its case.",
        [typeof(TumorBoard.Application.Features.Reports.ListReportDispatches.Query)] = Dispatches,
        [typeof(TumorBoard.Application.Features.Reports.GetReportDispatch.Query)] = Dispatches,
        [typeof(FindPatientByMrn.Query)] = "A search by the exact MRN the user typed while registering or correcting a patient: "
            + "it names the existing record to prevent a duplicate, like a one-row FindPatients; opening that record is a logged read.",

        [typeof(TumorBoard.Application.Features.Analytics.GetQualityMetrics.Query)] = "Aggregates over the board's cases (counts, "
            + "medians, percentiles per measure, discipline, member and reason); no case is opened and no row of one leaves the database.",
        [typeof(TumorBoard.Application.Features.Analytics.ExportAnalytics.Query)] = "Every export is audited as itself (entity "
            + "AnalyticsExport, with its filters and whether it was identified) instead of as thousands of case reads; cases are "
            + "pseudonymised unless a coordinator asks for identified rows, which that audit row records.",

        [typeof(ListMeetings.Query)] = "Meetings (title, time, place, counts); no case content.",
        [typeof(NextMeetingWithRoom.Query)] = "One meeting row (title, time, free places); no case content.",
        [typeof(GetMeetingCalendar.Query)] = "An .ics event: title, time, place and the number of cases, never who they are.",
        [typeof(GetMyCalendarFeed.Query)] = "The user's meetings as .ics events: titles, times and case counts, never who they are.",
        [typeof(GetDecisionActions.Query)] = "Which buttons the user may press on a decision (four booleans); no content.",
        [typeof(ListAssessmentWaivers.Query)] = "Shown only inside the board view of the item, whose GetBoardView records the read of the case.",

        [typeof(ListBoardMembers.Query)] = Staff,
        [typeof(ListResponsibleClinicians.Query)] = Staff,
        [typeof(ListAccounts.Query)] = Staff,
        [typeof(GetAccount.Query)] = Staff,

        [typeof(ListAuditEntries.Query)] = "The trail's metadata (who, when, which use case, which id), never the changes or any "
            + "clinical value; recording the review of reads as reads would make the reviewer's own listing grow the trail it lists.",
        [typeof(VerifyAuditTrail.Query)] = "Recomputes hashes and answers counts and positions; no clinical content.",
    };
}
