using TumorBoard.Application.Common.Security;

namespace TumorBoard.UnitTests.Accounts;

public sealed class AccountCheckCacheTests
{
    sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    static readonly Guid User = Guid.Parse("0195f3a0-0000-7000-8000-000000000009");

    [Fact]
    public void A_confirmation_counts_only_for_its_stamp_and_only_for_its_lifetime()
    {
        var clock = new Clock(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var cache = new AccountCheckCache(clock, TimeSpan.FromSeconds(30));

        cache.IsConfirmed(User, "stamp-1").ShouldBeFalse();
        cache.Confirm(User, "stamp-1");
        cache.IsConfirmed(User, "stamp-1").ShouldBeTrue();
        cache.IsConfirmed(User, "stamp-2").ShouldBeFalse("a renewed stamp is checked against the database");
        cache.IsConfirmed(Guid.NewGuid(), "stamp-1").ShouldBeFalse();

        clock.Now += TimeSpan.FromSeconds(29);
        cache.IsConfirmed(User, "stamp-1").ShouldBeTrue();
        clock.Now += TimeSpan.FromSeconds(1);
        cache.IsConfirmed(User, "stamp-1").ShouldBeFalse("after its lifetime the database is asked again");
    }

    [Fact]
    public void Forgetting_an_account_drops_its_confirmation_at_once()
    {
        var cache = new AccountCheckCache(TimeProvider.System, TimeSpan.FromMinutes(5));
        cache.Confirm(User, "stamp-1");
        cache.Forget(User);
        cache.IsConfirmed(User, "stamp-1").ShouldBeFalse();
    }

    [Fact]
    public void A_lifetime_of_zero_never_confirms()
    {
        var cache = new AccountCheckCache(TimeProvider.System, TimeSpan.Zero);
        cache.Confirm(User, "stamp-1");
        cache.IsConfirmed(User, "stamp-1").ShouldBeFalse();
    }
}
