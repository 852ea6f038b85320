namespace TumorBoard.Domain.Common;

/// <summary>A business rule refused the change (an illegal status transition, a broken invariant): HTTP 409.</summary>
public class DomainConflictException(string message) : Exception(message);

/// <summary>The acting user may not do this to this record (record-level rule): HTTP 403.</summary>
public class ForbiddenException(string message) : Exception(message);

/// <summary>The addressed record does not exist: HTTP 404.</summary>
public class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException For(string entity, object id) => new($"{entity} {id} was not found.");
}
