namespace TumorBoard.Application.Common.Models;

/// <summary>An update was sent without the version it was based on (HTTP 428).</summary>
public sealed class VersionRequiredException()
    : Exception("This change must name the version it is based on (If-Match header, or the form's version field).");

/// <summary>The record changed since the client read it (HTTP 412 on the API; a message on the pages).</summary>
public sealed class StaleVersionException(string entity)
    : Exception($"The {entity} was changed by someone else since you opened it. Reload it and apply your change again.");
