// Collections run in parallel with each other; tests inside a collection run one after another. The tests spend most of
// their time waiting for PostgreSQL and the app's password hashing, so more collections than cores are in flight.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, DisableTestParallelization = false, MaxParallelThreads = 4)]

namespace TumorBoard.IntegrationTests.Infrastructure;

// The database collections. Each gets its own AppFixture: its own app, database (tb_test_<random> on the run's server)
// and audit checkpoint key and file, so no test sees another collection's rows. They are balanced by run time, not by
// area (measured per class in a whole run): the names say where most of their classes come from. Rebalance when one
// collection outgrows the others (the slowest collection is the integration run's wall time). A class joins one with
// [Collection(X.Name)] and derives from DatabaseTest. A class that starts an app of its own (Fuzz, LogPrivacy, the error
// and commit tests) stays outside: xunit gives it a collection of its own, and it makes its own database. The tests whose
// assertions are about time (the outage test with its own cluster, the sign-in throttles, the published app's start-up)
// are in RunsAlone.
// The bad-input tests keep their own collection and database (Http/BadInput/BadInputTest.cs): "nothing was written"
// is then a fact about their requests alone.
// What the databases still share, the PostgreSQL server, is safe to share: the two roles are created once under an
// advisory lock (DatabaseRoles.EnsureAsync) and never changed by a test; no test alters server settings or roles.

/// <summary>Cases, patients, HTTP behaviour, the score calculators, follow-ups and the case history; where a test in the old style lands.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>The slowest decision tests: racing signatures, the decision pages, the SQL guards and the demo board.</summary>
[CollectionDefinition(Name)]
public sealed class DecisionsDatabase : ICollectionFixture<AppFixture>
{
    public const string Name = "decisions-database";
}

/// <summary>Meetings, agendas, the board view, the assessments, and the decision slice and amendment tests.</summary>
[CollectionDefinition(Name)]
public sealed class MeetingsDatabase : ICollectionFixture<AppFixture>
{
    public const string Name = "meetings-database";
}

/// <summary>The audit trail, the database roles, the accounts and the decision HTTP tests.</summary>
[CollectionDefinition(Name)]
public sealed class AuditDatabase : ICollectionFixture<AppFixture>
{
    public const string Name = "audit-database";
}

/// <summary>
/// Tests that measure time: the database outage (progress within 2 s, recovery within 30 s, on a cluster of its own that
/// it kills), the sign-in throttle and rate-limit windows, and the published app's start-up. Beside four busy database
/// collections on two cores they fail for want of CPU, not of correctness; xunit runs this collection after the
/// parallel ones, alone. Each class still starts its own app and database.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs-alone";
}
