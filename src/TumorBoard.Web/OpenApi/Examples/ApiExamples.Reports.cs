using TumorBoard.Application.Features.Reports;
using TumorBoard.Domain.Decisions;
using TumorBoard.Web.Api;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    public static readonly Guid ReportDispatchId = new("0193a1c4-7e52-7b1d-9c3e-5f2a8d6b4e10");
    /// <summary>The morning after the signature, in the board's time (08:40 in Zurich).</summary>
    static readonly DateTimeOffset ReportSentAt = new(2026, 12, 9, 7, 40, 0, TimeSpan.Zero);
    const string ReferrerName = "Dr. med. Sophie Marti, medical oncology";

    static void ReportDispatchExamples()
    {
        var sentAt = new DateTimeOffset(2026, 12, 9, 8, 40, 0, TimeSpan.FromHours(1));
        Request("RecordReportDispatch", new ReportDispatchesEndpoints.Body(ReportChannel.SecureEmail, null, sentAt, "HIN mail with the PDF report."),
            new RecordReportDispatch.Command
            {
                DecisionId = DecisionId, Channel = ReportChannel.SecureEmail, SentAt = sentAt, Note = "HIN mail with the PDF report.",
            }, ReportSentAt.AddMinutes(3));
        var view = new ReportDispatchView(ReportDispatchId, DecisionId, 1, SignedHash, ReportChannel.SecureEmail, ReferrerName,
            ReportSentAt, "HIN mail with the PDF report.", ReportSentAt.AddMinutes(3), CoordinatorName);
        Response(view);
        IReadOnlyList<ReportDispatchView> list = [view];
        Response(list);
    }
}
