using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Common.Models;
using TumorBoard.Domain.Common;

namespace TumorBoard.Web.Infrastructure;

/// <summary>One table from exception to HTTP meaning, used by both translators (API and pages).</summary>
public static class ExceptionMapping
{
    public sealed record Outcome(int Status, string Title, string? Detail);

    /// <summary>
    /// <paramref name="versionPrecondition"/>: the request named the version it was based on (If-Match). A row-version race
    /// lost at save time is then the same outcome as a stale If-Match found before it: 412. Without a precondition (a
    /// position, a follow-up: writes that retry on their own) a race still lost is a 409 conflict, like every domain conflict.
    /// </summary>
    public static Outcome? Map(Exception exception, bool versionPrecondition = false) => exception switch
    {
        NotFoundException e => new(StatusCodes.Status404NotFound, "Not found", e.Message),
        UnauthorizedAccessException => new(StatusCodes.Status401Unauthorized, "Sign-in required", null),
        ForbiddenException e => new(StatusCodes.Status403Forbidden, "Not allowed", e.Message),
        DomainConflictException e => new(StatusCodes.Status409Conflict, "Conflict", e.Message),
        StaleVersionException e => new(StatusCodes.Status412PreconditionFailed, "Changed by someone else", e.Message),
        VersionRequiredException e => new(StatusCodes.Status428PreconditionRequired, "Version required", e.Message),
        DbUpdateConcurrencyException when versionPrecondition => new(StatusCodes.Status412PreconditionFailed, "Changed by someone else",
            "The record was changed by someone else since you opened it. Reload it and apply your change again."),
        DbUpdateConcurrencyException => new(StatusCodes.Status409Conflict, "Changed by someone else",
            "The record was changed by someone else at the same time. Reload it and apply your change again."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name } }
            when UniqueConflicts.ContainsKey(name) => new(StatusCodes.Status409Conflict, "Changed by someone else", UniqueConflicts[name]),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            new(StatusCodes.Status409Conflict, "Already exists", "A record with the same unique value already exists."),
        // Our guard triggers (signed decisions immutable, append-only tables) refuse a change that raced past the checks.
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.RaiseException } e } =>
            new(StatusCodes.Status409Conflict, "Conflict", $"The record can no longer be changed this way ({e.MessageText}). Reload it."),
        _ => null,
    };

    /// <summary>Unique indexes that two requests at the same moment can run into, in the clinic's words.</summary>
    static readonly Dictionary<string, string> UniqueConflicts = new()
    {
        ["ux_decisions_one_draft_per_case"] =
            "Another draft decision for this case was saved at the same moment: reload the case, then change or sign that draft.",
        ["ux_decisions_one_current_per_case"] =
            "Another version of this case's decision was signed at the same moment: reload the case's decisions.",
        ["ix_decisions_case_id_number"] =
            "Another version of this case's decision was saved at the same moment: reload the case's decisions and try again.",
        ["ix_decision_positions_decision_id_member_id"] =
            "Your position on this decision was saved at the same moment by another request: reload the decision.",
        ["ix_assessment_waivers_agenda_item_id_discipline"] =
            "This assessment was waived for the case at the same moment by another request.",
    };

    /// <summary>FluentValidation property path "Lesions[0].LevelFrom" -> JSON path "lesions[0].levelFrom".</summary>
    public static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    public static Dictionary<string, string[]> Errors(ValidationException v) =>
        v.Errors.GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}
