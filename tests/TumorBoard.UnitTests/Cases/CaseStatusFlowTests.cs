using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;

namespace TumorBoard.UnitTests.Cases;

public sealed class CaseStatusFlowTests
{
    public enum Move { MarkReady, Schedule, Unschedule, MarkDiscussed, MarkDecided, Close, Withdraw }

    /// <summary>The whole legal flow; every other (status, move) pair must be refused.</summary>
    static readonly Dictionary<(CaseStatus, Move), CaseStatus> Legal = new()
    {
        [(CaseStatus.Draft, Move.MarkReady)] = CaseStatus.ReadyForBoard,
        [(CaseStatus.Draft, Move.Withdraw)] = CaseStatus.Withdrawn,
        [(CaseStatus.ReadyForBoard, Move.Schedule)] = CaseStatus.Scheduled,
        [(CaseStatus.ReadyForBoard, Move.Withdraw)] = CaseStatus.Withdrawn,
        [(CaseStatus.Scheduled, Move.Unschedule)] = CaseStatus.ReadyForBoard,
        [(CaseStatus.Scheduled, Move.MarkDiscussed)] = CaseStatus.Discussed,
        [(CaseStatus.Scheduled, Move.MarkDecided)] = CaseStatus.Decided,
        [(CaseStatus.Scheduled, Move.Withdraw)] = CaseStatus.Withdrawn,
        [(CaseStatus.Discussed, Move.MarkDecided)] = CaseStatus.Decided,
        [(CaseStatus.Discussed, Move.Withdraw)] = CaseStatus.Withdrawn,
        [(CaseStatus.Decided, Move.Close)] = CaseStatus.Closed,
    };

    public static TheoryData<CaseStatus, Move, CaseStatus> LegalMoves()
    {
        var data = new TheoryData<CaseStatus, Move, CaseStatus>();
        foreach (var ((from, move), to) in Legal) data.Add(from, move, to);
        return data;
    }

    public static TheoryData<CaseStatus, Move> IllegalMoves()
    {
        var data = new TheoryData<CaseStatus, Move>();
        foreach (var from in Enum.GetValues<CaseStatus>())
            foreach (var move in Enum.GetValues<Move>())
                if (!Legal.ContainsKey((from, move))) data.Add(from, move);
        return data;
    }

    static void Apply(TumorBoardCase c, Move move, Guid actor, DateTimeOffset at)
    {
        switch (move)
        {
            case Move.MarkReady: c.MarkReady(actor, at); break;
            case Move.Schedule: c.Schedule(actor, at); break;
            case Move.Unschedule: c.Unschedule(actor, at); break;
            case Move.MarkDiscussed: c.MarkDiscussed(actor, at); break;
            case Move.MarkDecided: c.MarkDecided(actor, at); break;
            case Move.Close: c.Close(actor, at); break;
            case Move.Withdraw: c.Withdraw("  Patient moved away  ", actor, at); break;
        }
    }

    [Theory]
    [MemberData(nameof(LegalMoves))]
    public void Allows_each_legal_move_and_stamps_who_and_when(CaseStatus from, Move move, CaseStatus to)
    {
        var c = TestCases.In(from);
        var later = TestCases.Now.AddHours(1);
        var actor = Guid.NewGuid();

        Apply(c, move, actor, later);

        c.Status.ShouldBe(to);
        c.UpdatedAt.ShouldBe(later);
        c.UpdatedBy.ShouldBe(actor);
        if (move == Move.Withdraw) c.WithdrawalReason.ShouldBe("Patient moved away");
    }

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public void Refuses_each_illegal_move_with_a_conflict_naming_the_current_status(CaseStatus from, Move move)
    {
        var c = TestCases.In(from);
        var before = c.UpdatedAt;

        var refusal = Should.Throw<DomainConflictException>(() => Apply(c, move, Guid.NewGuid(), TestCases.Now.AddHours(1)));

        refusal.Message.ShouldContain(DisplayWords.InSentence(from));   // in the vocabulary's words ("ready for board")
        c.Status.ShouldBe(from);
        c.UpdatedAt.ShouldBe(before);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_a_withdrawal_without_a_reason(string reason)
    {
        var c = TestCases.In(CaseStatus.Draft);
        Should.Throw<DomainConflictException>(() => c.Withdraw(reason, TestCases.Actor, TestCases.Now))
            .Message.ShouldContain("reason");
        c.Status.ShouldBe(CaseStatus.Draft);
        c.WithdrawalReason.ShouldBeNull();
    }

    [Fact]
    public void A_new_case_starts_as_a_draft()
    {
        var c = TumorBoardCase.Register(Guid.NewGuid(), TestCases.Complete(), TestCases.Actor, TestCases.Now);
        c.Status.ShouldBe(CaseStatus.Draft);
        c.CreatedAt.ShouldBe(TestCases.Now);
        c.CreatedBy.ShouldBe(TestCases.Actor);
    }
}
