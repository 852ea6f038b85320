using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using TumorBoard.Web.Errors;

namespace TumorBoard.IntegrationTests.Faults;

/// <summary>Which failures mean "the database cannot be reached" (503 with Retry-After) and which stay what they are.</summary>
public sealed class DatabaseOutageClassificationTests
{
    static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    public static TheoryData<string, Exception> Outages() => new()
    {
        { "administrator shutdown", Server(PostgresErrorCodes.AdminShutdown) },
        { "crash shutdown", Server(PostgresErrorCodes.CrashShutdown) },
        { "cannot connect now (starting up)", Server(PostgresErrorCodes.CannotConnectNow) },
        { "too many connections", Server(PostgresErrorCodes.TooManyConnections) },
        { "connection failure", Server(PostgresErrorCodes.ConnectionFailure) },
        { "refused connection", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "broken connection while saving", new DbUpdateException("save", new NpgsqlException("Exception while reading from stream", new IOException("reset"))) },
        { "timeout while opening, wrapped by EF", new InvalidOperationException("transient", new NpgsqlException("timeout", new TimeoutException())) },
        { "retries exhausted", new RetryLimitExceededException("retries", new NpgsqlException("down", new SocketException())) },
        { "a bare socket error", new SocketException((int)SocketError.HostUnreachable) },
    };

    public static TheoryData<string, Exception> NotOutages() => new()
    {
        { "unique violation", new DbUpdateException("save", Server(PostgresErrorCodes.UniqueViolation)) },
        { "serialization failure", Server(PostgresErrorCodes.SerializationFailure) },
        { "deadlock", Server(PostgresErrorCodes.DeadlockDetected) },
        { "a NUL in text", Server(PostgresErrorCodes.CharacterNotInRepertoire) },
        { "a trigger's refusal", new DbUpdateException("save", Server(PostgresErrorCodes.RaiseException)) },
        { "a bug", new InvalidOperationException("Sequence contains no elements") },
        { "a cancelled request", new OperationCanceledException() },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Recognises_an_outage(string what, Exception exception) => DatabaseOutage.Is(exception).ShouldBeTrue(what);

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void Does_not_take_other_failures_for_an_outage(string what, Exception exception) => DatabaseOutage.Is(exception).ShouldBeFalse(what);
}
