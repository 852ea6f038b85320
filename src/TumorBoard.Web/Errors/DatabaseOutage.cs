using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace TumorBoard.Web.Errors;

/// <summary>
/// Recognises "the database cannot be reached right now" anywhere in an exception chain (EF wraps Npgsql's errors in
/// DbUpdateException or InvalidOperationException): the answer is then 503 with Retry-After, not 500.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>How long a client should wait before trying again (the Retry-After header, in seconds).</summary>
    public const int RetryAfterSeconds = 5;

    public const string Title = "The service is temporarily unavailable";

    public const string Detail =
        "The database cannot be reached at the moment, so the request could not be completed. Try again in a few " +
        "seconds; reload before repeating a change, in case it was saved just before the interruption.";

    public static bool Is(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                case PostgresException pg:
                    return IsOutageState(pg.SqlState);
                case NpgsqlException { IsTransient: true }:   // broken connection, refused connection, timeout while opening
                case SocketException:
                case RetryLimitExceededException:
                    return true;
                case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
            }
            exception = exception.InnerException;
        }
        return false;
    }

    /// <summary>
    /// Class 08 (connection exception), 57P01-57P03 (administrator or crash shutdown, cannot connect now), 53300 (too
    /// many connections). Serialization failures and deadlocks (40001, 40P01) are not outages: they stay what they are.
    /// </summary>
    static bool IsOutageState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;

    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
