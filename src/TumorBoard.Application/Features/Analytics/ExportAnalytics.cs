using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumorBoard.Application.Common.Audit;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Common.Security;
using TumorBoard.Application.Persistence;
using TumorBoard.Domain.Analytics;
using TumorBoard.Domain.Audit;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.Application.Common.Validation;

namespace TumorBoard.Application.Features.Analytics;

/// <summary>
/// The CSV export behind the measures (pathways.md §2 "CSV export"): one row per signed decision version, per plan step of a
/// current decision, or per attendance at a meeting held, for the same filters. Cases appear by pseudonym unless
/// <see cref="Query.Identified"/> is asked for by a coordinator (who runs the board and sees every case's MRN already); every
/// export is written to the audit trail with its filters and whether it was identified. Rows stream from the database to
/// the response; none is held in memory.
/// </summary>
public static class ExportAnalytics
{
    public const string AuditEntityType = "AnalyticsExport";

    [RequiresRole(Roles.Coordinator, Roles.Clinician, Roles.Specialist)]
    public sealed record Query : AnalyticsFilter, IQuery<Export>
    {
        /// <summary>
        /// decisions, steps or attendance, as the issue names them. Required: the document says so (required: true) and
        /// the validator names <c>kind</c> when it is missing; nullable so that a missing kind is that message, not a binding failure.
        /// </summary>
        [Required]
        public ExportKind? Kind { get; init; }
        public bool? Identified { get; init; }
    }

    /// <summary>The kind's name in the query string: "decisions", "steps", "attendance".</summary>
    public static string Name(ExportKind kind) => kind.ToString();

    public sealed record Export(string FileName, Func<Stream, CancellationToken, Task> WriteAsync);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(BoardClock clock)
        {
            Include(new AnalyticsFilterValidator(clock));
            RuleFor(q => q.Kind).Must(k => k is { } kind && Enum.IsDefined(kind))
                .WithText("SayWhatExportKindDecisionsKind");
        }
    }

    public sealed class Handler(TumorBoardDbContext db, BoardClock clock, ICurrentUser user, AuditScope audit, IOptions<AnalyticsOptions> options)
        : IQueryHandler<Query, Export>
    {
        public async ValueTask<Export> Handle(Query query, CancellationToken ct)
        {
            if ((query.Identified ?? false) && !user.IsInRole(Roles.Coordinator))
                throw new ForbiddenException(new RuleText("Analytics.IdentifiedOnlyCoordinator"));
            if (!(query.Identified ?? false) && options.Value.PseudonymKey.Length < AnalyticsOptions.MinimumKeyLength)
                throw new DomainConflictException(new RuleText("Analytics.NoPseudonymKey"));
            var scope = new AnalyticsScope(query, clock);
            var kind = query.Kind!.Value;
            db.QueueAudit(new AuditEntry
            {
                OccurredAt = AuditHash.ToMicroseconds(clock.UtcNow), ActorId = user.Id, ActorName = user.DisplayName,
                Action = audit.Action, EntityType = AuditEntityType, EntityId = kind.ToString(), Operation = CaseReadLog.Operation,
                Changes = JsonSerializer.Serialize(new
                {
                    kind = kind.ToString(), identified = (query.Identified ?? false), from = scope.From, to = scope.To,
                    periodBy = query.PeriodBy?.ToString(), histology = query.Histology?.ToString(), urgency = query.Urgency?.ToString(), triage = query.Triage?.ToString(),
                    referrer = query.Referrer, outcome = query.Outcome?.ToString(), discipline = query.Discipline?.ToString(),
                    versions = query.Versions?.ToString(),
                }),
            });
            await db.SaveChangesAsync(ct);
            var name = $"tumorboard-{kind.ToString().ToLowerInvariant()}-{scope.From:yyyy-MM-dd}-{scope.To:yyyy-MM-dd}{((query.Identified ?? false) ? "-identified" : "")}.csv";
            return new Export(name, (stream, token) => WriteAsync(stream, scope, kind, (query.Identified ?? false), token));
        }

        async Task WriteAsync(Stream stream, AnalyticsScope scope, ExportKind kind, bool identified, CancellationToken ct)
        {
            var (header, select) = ExportSql.For(kind, identified);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
            await Csv.WriteRecordAsync(writer, header);
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = scope.With() + "\n" + select;
                command.Parameters.AddRange(scope.Parameters());
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                    await Csv.WriteRecordAsync(writer, Row(reader, kind, identified));
            }
            finally { await db.Database.CloseConnectionAsync(); }
            await writer.FlushAsync(ct);
        }

        IEnumerable<object?> Row(DbDataReader reader, ExportKind kind, bool identified)
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                // The first column of decision and step rows is the case id: its pseudonym unless identified.
                if (i == 0 && kind != ExportKind.attendance && !identified && value is Guid id) yield return options.Value.Pseudonym(id);
                else yield return value;
            }
        }
    }
}
