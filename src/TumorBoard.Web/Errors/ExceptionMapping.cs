using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Common.Models;
using TumorBoard.Domain.Common;

namespace TumorBoard.Web.Errors;

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
        NotFoundException e => new(StatusCodes.Status404NotFound, ProblemTexts.Get("Title_NotFound"), LocalMessage(e)),
        UnauthorizedAccessException => new(StatusCodes.Status401Unauthorized, ProblemTexts.Get("Title_SignInRequired"), null),
        ForbiddenException e => new(StatusCodes.Status403Forbidden, ProblemTexts.Get("Title_NotAllowed"), LocalMessage(e)),
        DomainConflictException e => new(StatusCodes.Status409Conflict, ProblemTexts.Get("Title_Conflict"), LocalMessage(e)),
        StaleVersionException e => new(StatusCodes.Status412PreconditionFailed, ProblemTexts.Get("Title_ChangedBySomeoneElse"), LocalMessage(e)),
        VersionRequiredException e => new(StatusCodes.Status428PreconditionRequired, ProblemTexts.Get("Title_VersionRequired"), LocalMessage(e)),
        DbUpdateConcurrencyException when versionPrecondition => new(StatusCodes.Status412PreconditionFailed, ProblemTexts.Get("Title_ChangedBySomeoneElse"),
            ProblemTexts.Get("Detail_ChangedSinceOpened")),
        DbUpdateConcurrencyException => new(StatusCodes.Status409Conflict, ProblemTexts.Get("Title_ChangedBySomeoneElse"),
            ProblemTexts.Get("Detail_ChangedAtSameTime")),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name } }
            when UniqueConflicts.ContainsKey(name) => new(StatusCodes.Status409Conflict, ProblemTexts.Get("Title_ChangedBySomeoneElse"),
                ProblemTexts.Find("Unique_" + name) ?? UniqueConflicts[name]),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            new(StatusCodes.Status409Conflict, ProblemTexts.Get("Title_AlreadyExists"), ProblemTexts.Get("Detail_AlreadyExists")),
        // Our guard triggers (signed decisions immutable, append-only tables) refuse a change that raced past the checks.
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.RaiseException } e } =>
            new(StatusCodes.Status409Conflict, ProblemTexts.Get("Title_Conflict"), ProblemTexts.Format("Detail_NoLongerChangeable", e.MessageText)),
        // The last line of defence: validation keeps such values out, but PostgreSQL refusing one is still the client's input.
        DbUpdateException { InnerException: PostgresException { SqlState: var state } } when DataExceptions.Contains(state) => BadData(),
        PostgresException { SqlState: var state } when DataExceptions.Contains(state) => BadData(),
        _ => null,
    };

    /// <summary>
    /// What a person reads of a refused rule: the exception's <see cref="RuleText"/> in <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>
    /// (problem+json <c>detail</c> for a client that sent Accept-Language, the message on a page), else its
    /// <see cref="Exception.Message"/>. Logs and the audit trail keep <see cref="Exception.Message"/>, the English.
    /// </summary>
    public static string LocalMessage(Exception exception) =>
        exception is IRuleTextException { Text: { } text } ? text.Local() : exception.Message;

    /// <summary>
    /// PostgreSQL data exceptions a client's value can cause: 22021 (a character UTF-8 cannot carry, e.g. NUL), 22P05 (NUL
    /// in jsonb), 22007/22008 (a date or time out of range), 22003 (a number out of range), 22001 (text too long).
    /// </summary>
    static readonly HashSet<string> DataExceptions =
    [
        PostgresErrorCodes.CharacterNotInRepertoire, PostgresErrorCodes.UntranslatableCharacter, PostgresErrorCodes.InvalidDatetimeFormat,
        PostgresErrorCodes.DatetimeFieldOverflow, PostgresErrorCodes.NumericValueOutOfRange, PostgresErrorCodes.StringDataRightTruncation,
    ];

    static Outcome BadData() => new(StatusCodes.Status400BadRequest, ProblemTexts.Get("Title_Invalid"), ProblemTexts.Get("Detail_BadData"));

    /// <summary>
    /// Unique indexes that two requests at the same moment can run into, in the clinic's words (a test checks each exists);
    /// the caller's language reads ProblemTexts "Unique_{index}".
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> UniqueConflicts = new Dictionary<string, string>
    {
        ["ux_decisions_one_draft_per_case"] =
            "Another draft decision for this case was saved at the same moment: reload the case, then change or sign that draft.",
        ["ux_decisions_one_current_per_case"] =
            "Another version of this case's decision was signed at the same moment: reload the case's decisions.",
        ["ix_decisions_case_id_number"] =
            "Another version of this case's decision was saved at the same moment: reload the case's decisions and try again.",
        ["ix_decision_positions_decision_id_member_id"] =
            "Your position on this decision was saved at the same moment by another request: reload the decision.",
        ["ix_patients_mrn"] =
            "A patient with this medical record number (or one that differs only in look-alike characters) was registered at the same moment: search for it before registering again.",
        ["ix_assessment_waivers_agenda_item_id_discipline"] =
            "This assessment was waived for the case at the same moment by another request.",
        ["ux_patient_letters_decision"] =
            "A letter for this decision version was drafted at the same moment by another request: reload the letter page.",
        ["ux_patient_letter_versions_number"] =
            "The letter was changed at the same moment by another request: reload it and make your change again.",
    };

    /// <summary>FluentValidation property path "Lesions[0].LevelFrom" -> JSON path "lesions[0].levelFrom".</summary>
    public static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    public static Dictionary<string, string[]> Errors(ValidationException v) =>
        v.Errors.GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}
