using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Api;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    /// <summary>The emergency plan outside a meeting that the board view's example item reviews.</summary>
    static readonly Guid EmergencyPlanId = new("9b6e3d1a-7c42-4f85-a0d9-3e5c8b1f7a26");
    static readonly DateTimeOffset EmergencyPlanSignedAt = new(2026, 12, 5, 23, 48, 0, TimeSpan.Zero);

    public static readonly Guid MeetingId = new("91c5e3a7-0b6d-4f28-8e4a-6d2c1b9f7e30");
    public static readonly Guid NextMeetingId = new("15f8b2d6-7e3a-4c91-a0d5-3b9e6c2f8a74");
    public static readonly Guid AgendaItemId = new("e2a7c9f4-5d1b-4e36-9b80-7f3a0d6c2e95");
    public static readonly Guid OtherAgendaItemId = new("6b0d3e8a-2f5c-4a17-8d69-c4e1b7a3f502");
    public static readonly Guid ChairId = new("c8f2a6d0-3e9b-4715-b4c2-1a7d5e9f3b68");
    public const string ChairName = "Prof. Dr. med. Martin Frei";
    public const string MeetingTitle = "Spine tumor board";
    /// <summary>Tuesday 8 December 2026, 16:00 in Zurich.</summary>
    public static readonly DateTimeOffset MeetingStartsAt = new(2026, 12, 8, 15, 0, 0, TimeSpan.Zero);
    static readonly DateTimeOffset MeetingCutoff = new(2026, 12, 7, 11, 0, 0, TimeSpan.Zero);
    const string MeetingLocation = "Kantonsspital, building B, seminar room 2.14";
    const string VideoLink = "https://video.ksz.example/spine-board";

    static GetMeeting.Attendee[] Attendees =>
    [
        new(ChairId, ChairName, Discipline.RadiationOncology),
        new(NeurosurgeonId, NeurosurgeonName, Discipline.Neurosurgery),
        new(RadiationOncologistId, RadiationOncologistName, Discipline.RadiationOncology),
        new(MedicalOncologistId, MedicalOncologistName, Discipline.MedicalOncology),
    ];

    static GetMeeting.Readiness Ready => new(
        [Discipline.MedicalOncology, Discipline.RadiationOncology, Discipline.Neurosurgery], [], false, new DateOnly(2026, 11, 19));

    static GetMeeting.Result Meeting => new(MeetingId, MeetingTitle, MeetingStartsAt, 90, MeetingLocation, VideoLink, ChairId, ChairName,
        12, MeetingCutoff, MeetingStatus.InProgress, null, null,
        [
            new GetMeeting.Item(AgendaItemId, 1, AgendaItemStatus.Scheduled, 15, false, null, null, CaseId, Mrn, PatientName, "AK", "T10",
                Urgency.Urgent, ClinicalQuestion, CaseStatus.Scheduled, Ready),
            new GetMeeting.Item(OtherAgendaItemId, 2, AgendaItemStatus.Scheduled, 10, true,
                "New cauda equina symptoms since Friday; the neurosurgeon asked for discussion this week.", null,
                new Guid("e7b5c2d9-1f34-4a80-9c6e-0d2a8b3f4e57"), "KSZ-0050311", "Huber, Martin", "MH", "L2-L4", Urgency.Urgent,
                "Multilevel lumbar metastases of castration-resistant prostate cancer with new cauda equina symptoms: decompression or radiotherapy first?",
                CaseStatus.Scheduled,
                new GetMeeting.Readiness([Discipline.Neurosurgery], [Discipline.MedicalOncology, Discipline.RadiationOncology], false,
                    new DateOnly(2026, 12, 5))),
        ],
        Attendees, [], true, true, 66120);

    static ListMeetings.Row MeetingRow => new(MeetingId, MeetingTitle, MeetingStartsAt, 90, MeetingLocation, MeetingStatus.Planned, 12, 2,
        MeetingCutoff, ChairName);

    static ListMeetings.Row NextMeetingRow => new(NextMeetingId, MeetingTitle, MeetingStartsAt.AddDays(7), 90, MeetingLocation,
        MeetingStatus.Planned, 12, 5, MeetingCutoff.AddDays(7), ChairName);

    static void MeetingExamples()
    {
        Request("PlanMeeting", new PlanMeeting.Command
        {
            Title = MeetingTitle, StartsAt = MeetingStartsAt, DurationMinutes = 90, Location = MeetingLocation, VideoLink = VideoLink,
            ChairId = ChairId, Capacity = 12, SubmissionCutoff = MeetingCutoff, WeeklyOccurrences = 4,
        });
        Response(new MeetingsEndpoints.Planned([MeetingId, NextMeetingId,
            new Guid("2d9a4f7c-8b3e-4160-95d2-e0c6a1b8f437"), new Guid("a7e3c1f9-4d6b-4825-b0a9-5f2e8d3c7b16")]));
        var update = new UpdateMeeting.Command
        {
            Title = MeetingTitle, StartsAt = MeetingStartsAt, DurationMinutes = 120, Location = MeetingLocation, VideoLink = VideoLink,
            ChairId = ChairId, Capacity = 14, SubmissionCutoff = MeetingCutoff,
        };
        Request("UpdateMeeting", update, update with { MeetingId = MeetingId, ExpectedVersion = (VersionMatch)66120u });

        var add = new MeetingsEndpoints.AddCaseBody(CaseId, null);
        Request("AddCaseToAgenda", add, new AddCaseToAgenda.Command
        {
            MeetingId = MeetingId, CaseId = add.CaseId, LateAdditionReason = add.LateAdditionReason, ExpectedVersion = (VersionMatch)66120u,
        });
        var remove = new MeetingsEndpoints.ReasonBody("The PET-CT is not yet reported; the case moves to next week's board.");
        Request("RemoveCaseFromAgenda", remove, new RemoveCaseFromAgenda.Command
        {
            MeetingId = MeetingId, ItemId = OtherAgendaItemId, Reason = remove.Reason!, ExpectedVersion = (VersionMatch)66120u,
        });
        var order = new MeetingsEndpoints.OrderBody([OtherAgendaItemId, AgendaItemId]);
        Request("ReorderAgenda", order, new ReorderAgenda.Command
        {
            MeetingId = MeetingId, ItemIds = order.ItemIds, ExpectedVersion = (VersionMatch)66120u,
        });
        var move = new MeetingsEndpoints.MoveBody(-1);
        Request("MoveAgendaItem", move, new ReorderAgenda.Command
        {
            MeetingId = MeetingId, ItemId = OtherAgendaItemId, Offset = move.Offset, ExpectedVersion = (VersionMatch)66120u,
        });
        var minutes = new MeetingsEndpoints.MinutesBody(15);
        Request("SetAgendaMinutes", minutes, new SetAgendaMinutes.Command
        {
            MeetingId = MeetingId, ItemId = AgendaItemId, Minutes = minutes.Minutes, ExpectedVersion = (VersionMatch)66120u,
        });
        var attendance = new MeetingsEndpoints.AttendanceBody([ChairId, NeurosurgeonId, RadiationOncologistId, MedicalOncologistId]);
        Request("RecordAttendance", attendance, new RecordAttendance.Command
        {
            MeetingId = MeetingId, PresentUserIds = attendance.PresentUserIds, ExpectedVersion = (VersionMatch)66120u,
        });
        var cancel = new MeetingsEndpoints.ReasonBody("Public holiday moved by the canton: the cases go to the board of 15 December.");
        Request("CancelMeeting", cancel, new CancelMeeting.Command
        {
            MeetingId = MeetingId, Reason = cancel.Reason, ExpectedVersion = (VersionMatch)66120u,
        });
        var defer = new MeetingsEndpoints.ReasonBody("The radiation oncology assessment awaits the planning CT on Thursday.");
        Request("DeferAgendaItem", defer, new DeferCase.Command
        {
            MeetingId = MeetingId, ItemId = OtherAgendaItemId, Reason = defer.Reason, ExpectedVersion = (VersionMatch)66120u,
        });

        Response(Meeting);
        Response(MeetingRow);
        Response(new Paged<ListMeetings.Row>([MeetingRow, NextMeetingRow], 1, 25, 2));
        Response(new GetBoardView.Result(
            new GetBoardView.MeetingSummary(MeetingId, MeetingTitle, MeetingStatus.InProgress, MeetingStartsAt, ChairId, ChairName, true, [],
                Attendees),
            new GetBoardView.ItemSummary(AgendaItemId, 1, 2, AgendaItemStatus.Scheduled, 15, true,
                "Review of the emergency plan outside a meeting (decision version 1)", null, null, OtherAgendaItemId, Ready),
            CaseDetailsExample with { Status = CaseStatus.Scheduled }, 64,
            [
                new GetBoardView.Column(Discipline.MedicalOncology, MedicalOncologyVersion),
                new GetBoardView.Column(Discipline.RadiationOncology, RadiationOncologyVersion),
                new GetBoardView.Column(Discipline.Neurosurgery, NeurosurgeryVersion),
            ],
            CaseNoms, [], [],
            new GetBoardView.DecisionState([new GetBoardView.DecisionVersion(DecisionId, 2, DecisionStatus.Draft, DecisionOutcome.TreatmentRecommendation)],
                [], []),
            [])
        {
            EmergencyPlan = new GetBoardView.EmergencyPlanReview(EmergencyPlanId, 1, DecisionStatus.Signed, DecisionOutcome.TreatmentRecommendation,
                ["Separation surgery · T5 · Emergency", "SBRT/SRS · T5 · 24 Gy in 2 fractions · After the previous step"],
                "Progressive weakness from MSCC at T5: decompression tonight, SBRT when the wound allows.", EmergencyPlanSignedAt,
                [
                    new GetBoardView.EmergencyPlanSignature(Discipline.Neurosurgery, NeurosurgeonName, EmergencyPlanSignedAt.AddMinutes(-7)),
                    new GetBoardView.EmergencyPlanSignature(Discipline.RadiationOncology, RadiationOncologistName, EmergencyPlanSignedAt),
                ]),
        });
        Response(new GetCoordinatorDashboard.Result([MeetingRow, NextMeetingRow],
            [
                new GetCoordinatorDashboard.WaitingCase(CaseId, Mrn, PatientName, Urgency.Urgent, CaseStatus.ReadyForBoard, ClinicalQuestion,
                    CaseCreatedAt, CaseUpdatedAt, 5, MeetingRow) { Triage = KellerDerivation.Level },
            ], 1, [], 0, 7, MeetingRow)
        {
            OverdueFollowUps = new Paged<Application.Features.FollowUps.FollowUpRow>([OverdueFollowUp], 1, 5, 1),
        });
        Response(new GetSpecialistWorklist.Result(Discipline.Neurosurgery,
            [
                new GetSpecialistWorklist.Due(MeetingId, MeetingTitle, MeetingStartsAt, MeetingStatus.Planned, AgendaItemId, 1, CaseId, Mrn,
                    PatientName, Urgency.Urgent, ClinicalQuestion, MeetingCutoff, false, true),
            ], 1, 0));
    }
}
