namespace TumorBoard.IntegrationTests.Infrastructure;

/// <summary>
/// A test class on one of the database collections (Infrastructure/DatabaseCollections.cs): before each test its collection's
/// database is emptied of clinical data and the audit trail (<see cref="AppFixture.ResetAsync"/>); the demo accounts stay.
/// Declare the collection on the class and pass the fixture on:
/// <code>
/// [Collection(MeetingsDatabase.Name)]
/// public sealed class AgendaTests(AppFixture app) : DatabaseTest(app)
/// </code>
/// A class that needs more before or after each test overrides <see cref="InitializeAsync"/> / <see cref="DisposeAsync"/>
/// and calls the base first.
/// </summary>
public abstract class DatabaseTest(AppFixture fixture) : IAsyncLifetime
{
    /// <summary>
    /// The collection's app and database. Named like the primary-constructor parameter of the derived class, which it
    /// shadows: test bodies read <c>app.Send(...)</c> whether or not the class derives from here.
    /// </summary>
#pragma warning disable IDE1006 // lower-case on purpose, see above
    protected AppFixture app { get; } = fixture;
#pragma warning restore IDE1006

    public virtual Task InitializeAsync() => app.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
