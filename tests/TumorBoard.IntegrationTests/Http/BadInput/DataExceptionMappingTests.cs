using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Web.Errors;

namespace TumorBoard.IntegrationTests.Http.BadInput;

/// <summary>The last line of defence behind validation: a value PostgreSQL refuses as data is the client's input, a 400.</summary>
public sealed class DataExceptionMappingTests
{
    [Theory]
    [InlineData(PostgresErrorCodes.CharacterNotInRepertoire)]     // 22021: NUL in text
    [InlineData(PostgresErrorCodes.UntranslatableCharacter)]      // 22P05: NUL in jsonb
    [InlineData(PostgresErrorCodes.InvalidDatetimeFormat)]        // 22007
    [InlineData(PostgresErrorCodes.DatetimeFieldOverflow)]        // 22008
    [InlineData(PostgresErrorCodes.NumericValueOutOfRange)]       // 22003
    [InlineData(PostgresErrorCodes.StringDataRightTruncation)]    // 22001
    public void Maps_a_data_exception_from_a_query_or_a_save_to_400(string sqlState)
    {
        var refused = new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", sqlState);
        foreach (var exception in new Exception[] { refused, new DbUpdateException("An error occurred while saving.", refused) })
        {
            var outcome = ExceptionMapping.Map(exception).ShouldNotBeNull();
            outcome.Status.ShouldBe(400);
            outcome.Detail.ShouldNotBeNull().ShouldNotContain("0x00");   // the server's own words stay in the log
        }
    }

    [Fact]
    public void Leaves_other_database_failures_to_the_500_path()
    {
        ExceptionMapping.Map(new PostgresException("relation does not exist", "ERROR", "ERROR", PostgresErrorCodes.UndefinedTable)).ShouldBeNull();
        ExceptionMapping.Map(new PostgresException("division by zero", "ERROR", "ERROR", PostgresErrorCodes.DivisionByZero)).ShouldBeNull();
    }
}
