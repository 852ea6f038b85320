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

    public static Outcome? Map(Exception exception) => exception switch
    {
        NotFoundException e => new(StatusCodes.Status404NotFound, "Not found", e.Message),
        UnauthorizedAccessException => new(StatusCodes.Status401Unauthorized, "Sign-in required", null),
        ForbiddenException e => new(StatusCodes.Status403Forbidden, "Not allowed", e.Message),
        DomainConflictException e => new(StatusCodes.Status409Conflict, "Conflict", e.Message),
        StaleVersionException e => new(StatusCodes.Status412PreconditionFailed, "Changed by someone else", e.Message),
        VersionRequiredException e => new(StatusCodes.Status428PreconditionRequired, "Version required", e.Message),
        DbUpdateConcurrencyException => new(StatusCodes.Status409Conflict, "Changed by someone else",
            "The record was changed by someone else at the same time. Reload it and apply your change again."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            new(StatusCodes.Status409Conflict, "Already exists", "A record with the same unique value already exists."),
        _ => null,
    };

    /// <summary>FluentValidation property path "Lesions[0].LevelFrom" -> JSON path "lesions[0].levelFrom".</summary>
    public static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    public static Dictionary<string, string[]> Errors(ValidationException v) =>
        v.Errors.GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
}
