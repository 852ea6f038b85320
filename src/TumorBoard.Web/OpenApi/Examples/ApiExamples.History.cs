using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Assessments;
using TumorBoard.Application.Features.Audit;
using TumorBoard.Application.Features.CaseHistory;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Domain.Assessments;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;
using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Patients;
using TumorBoard.Domain.Security;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    static HistoryEvent[] Timeline =>
    [
        new()
        {
            OccurredAt = CaseCreatedAt, Kind = HistoryEventKind.CaseRegistered, ActorName = CoordinatorName,
            Summary = "Case registered (Draft).", Source = HistorySource.Record,
        },
        new()
        {
            OccurredAt = CaseUpdatedAt, Kind = HistoryEventKind.CaseStatusChanged, ActorName = CoordinatorName,
            Summary = "Status Draft → Ready for board.", Source = HistorySource.AuditTrail,
            Changes = [new LabelledChange("status", "Status", "Draft", "ReadyForBoard")],
        },
        new()
        {
            OccurredAt = NeurosurgerySubmittedAt, Kind = HistoryEventKind.AssessmentVersion, ActorName = NeurosurgeonName,
            Summary = "Neurosurgery assessment submitted (version 2).", Discipline = Discipline.Neurosurgery,
            AssessmentId = NeurosurgeryAssessmentId, AssessmentVersion = 2, Source = HistorySource.Record,
        },
        new()
        {
            OccurredAt = DecisionDraftedAt, Kind = HistoryEventKind.DecisionDrafted, ActorName = ChairName,
            Summary = "Decision 1 drafted: treatment recommendation.", MeetingId = MeetingId, AgendaItemId = AgendaItemId,
            DecisionId = DecisionId, DecisionNumber = 1, Source = HistorySource.Record,
        },
        new()
        {
            OccurredAt = new DateTimeOffset(2026, 12, 8, 15, 28, 0, TimeSpan.Zero), Kind = HistoryEventKind.PositionTaken,
            ActorName = MedicalOncologistName, Summary = "Position on decision 1: disagree.", Discipline = Discipline.MedicalOncology,
            Text = "I would give SBRT alone first: Bilsky 1b and a radiosensitive tumour; surgery only if pain persists.",
            DecisionId = DecisionId, DecisionNumber = 1, Position = PositionKind.Disagree, Source = HistorySource.Record,
        },
        new()
        {
            OccurredAt = DecisionSignedAt, Kind = HistoryEventKind.DecisionSigned, ActorName = ChairName,
            Summary = "Decision 1 signed by the chair.", MeetingId = MeetingId, AgendaItemId = AgendaItemId,
            DecisionId = DecisionId, DecisionNumber = 1, Source = HistorySource.Record,
        },
    ];

    static void HistoryExamples()
    {
        Response<IReadOnlyList<HistoryEvent>>(Timeline);
        var neurosurgery = NeurosurgeryVersion;
        Response(new ExportCaseHistory.Document(ExportCaseHistory.Format, new DateTimeOffset(2026, 12, 9, 7, 30, 0, TimeSpan.Zero),
            CoordinatorName,
            new ExportCaseHistory.CaseSummary(CaseId, CaseStatus.Decided, null,
                new GetCase.PatientSummary(PatientId, Mrn, FamilyName, GivenName, DateOfBirth, Sex.Female), Details, CaseCreatedAt,
                CoordinatorName, new DateTimeOffset(2026, 12, 8, 15, 31, 0, TimeSpan.Zero)),
            [
                new ListingRow(AgendaItemId, MeetingId, MeetingTitle, MeetingStartsAt, ChairId, AgendaItemStatus.Decided, false, null, null,
                    new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), CoordinatorName),
            ],
            [
                new ExportCaseHistory.AssessmentRecord(NeurosurgeryAssessmentId, Discipline.Neurosurgery, AssessmentStatus.Locked, 2, 2,
                [
                    new ExportCaseHistory.AssessmentVersionRecord(new Guid("7d3b9f1e-5a2c-4e68-b0d4-c9f6a1e3b872"), 2,
                        AssessmentVersionKind.Submission, NeurosurgeonId, NeurosurgeonName, NeurosurgerySubmittedAt, null,
                        neurosurgery.Content, neurosurgery.Computed),
                ]),
            ],
            [],
            [DecisionViewExample],
            Timeline));
    }

    static void AuditExamples()
    {
        Response(new Paged<ListAuditEntries.Row>(
            [
                new ListAuditEntries.Row(184467, DecisionSignedAt, ChairId, ChairName, "Decision signed", "BoardDecision", DecisionId.ToString(),
                    "Modified"),
                new ListAuditEntries.Row(184452, new DateTimeOffset(2026, 12, 8, 15, 12, 0, TimeSpan.Zero), NeurosurgeonId, NeurosurgeonName,
                    "Case opened", "TumorBoardCase", CaseId.ToString(), "Read"),
            ], 1, 25, 2));
        Response(new AuditVerification(true, 184467, null, "Every row since the first is intact and chained.")
        {
            CheckedCheckpoints = 412, PendingRows = 3,
            Checkpoint = new CheckpointSummary(184464, "c1f4e7a0d3b6c9f2e5a8b1d4c7f0e3a6b9d2c5f8e1a4b7d0c3f6e9a2b5d8c1f4",
                new DateTimeOffset(2026, 12, 8, 16, 0, 0, TimeSpan.Zero)),
        });
    }
}
