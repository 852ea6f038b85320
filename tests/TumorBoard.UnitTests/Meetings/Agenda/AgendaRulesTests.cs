using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Meetings;
using TumorBoard.UnitTests.Cases;
using static TumorBoard.UnitTests.Meetings.TestMeetings;

namespace TumorBoard.UnitTests.Meetings.Agenda;

public sealed class AgendaRulesTests
{
    [Fact]
    public void Added_cases_are_scheduled_and_numbered_one_to_n()
    {
        var (meeting, agenda) = WithCases(3);

        meeting.ActiveAgenda.Select(i => i.Position).ShouldBe([1, 2, 3]);
        meeting.AgendaCount.ShouldBe(3);
        agenda.ShouldAllBe(a => a.Case.Status == CaseStatus.Scheduled && !a.Item.IsLateAddition && a.Item.LateAdditionReason == null);
    }

    [Fact]
    public void A_full_meeting_refuses_another_case_and_leaves_it_ready()
    {
        var (meeting, _) = WithCases(2, capacity: 2);
        var extra = ReadyCase();

        Should.Throw<DomainConflictException>(() => meeting.AddCase(extra, null, Actor, Now)).Message.ShouldContain("full");
        meeting.AgendaCount.ShouldBe(2);
        extra.Status.ShouldBe(CaseStatus.ReadyForBoard);
    }

    [Theory]
    [InlineData(CaseStatus.Draft)]
    [InlineData(CaseStatus.Scheduled)]
    [InlineData(CaseStatus.Withdrawn)]
    public void A_case_that_is_not_ready_for_the_board_is_refused_by_its_own_transition(CaseStatus status)
    {
        var meeting = Planned();
        Should.Throw<DomainConflictException>(() => meeting.AddCase(TestCases.In(status), null, Actor, Now));
        meeting.AgendaCount.ShouldBe(0);
        meeting.Agenda.ShouldBeEmpty();
    }

    [Fact]
    public void Only_a_planned_meeting_takes_new_cases()
    {
        var meeting = Planned();
        meeting.Start(Actor, Now);
        Should.Throw<DomainConflictException>(() => meeting.AddCase(ReadyCase(), null, Actor, Now));
    }

    [Fact]
    public void After_the_cut_off_an_urgent_case_is_a_late_addition_without_a_stated_reason()
    {
        var meeting = Planned(startsIn: TimeSpan.FromHours(5));
        var item = meeting.AddCase(ReadyCase(Urgency.Urgent), null, Actor, Now);
        item.IsLateAddition.ShouldBeTrue();
        item.LateAdditionReason.ShouldBe("Urgent case");
    }

    [Fact]
    public void After_the_cut_off_a_P1_emergency_needs_no_reason_whatever_its_urgency()
    {
        var meeting = Planned(startsIn: TimeSpan.FromHours(5));
        Should.Throw<DomainConflictException>(() => meeting.AddCase(ReadyCase(), null, Actor, Now, TumorBoard.Domain.Mscc.TriageLevel.P2));
        var item = meeting.AddCase(ReadyCase(), null, Actor, Now, TumorBoard.Domain.Mscc.TriageLevel.P1);
        item.IsLateAddition.ShouldBeTrue();
        item.LateAdditionReason.ShouldBe(Meeting.EmergencyLateReason);
        meeting.AddCase(ReadyCase(), " Stated anyway ", Actor, Now, TumorBoard.Domain.Mscc.TriageLevel.P1).LateAdditionReason.ShouldBe("Stated anyway");
    }

    [Fact]
    public void After_the_cut_off_a_routine_case_needs_a_reason()
    {
        var meeting = Planned(startsIn: TimeSpan.FromHours(5));
        var routine = ReadyCase();

        Should.Throw<DomainConflictException>(() => meeting.AddCase(routine, "  ", Actor, Now));
        routine.Status.ShouldBe(CaseStatus.ReadyForBoard);
        var item = meeting.AddCase(routine, " New cord compression ", Actor, Now);
        item.IsLateAddition.ShouldBeTrue();
        item.LateAdditionReason.ShouldBe("New cord compression");
    }

    [Fact]
    public void Removing_a_case_renumbers_the_rest_and_returns_it_to_ready_for_board()
    {
        var (meeting, agenda) = WithCases(3);

        meeting.RemoveCase(agenda[0].Item.Id, agenda[0].Case, " Biopsy pending ", Actor, Now);

        agenda[0].Case.Status.ShouldBe(CaseStatus.ReadyForBoard);
        agenda[0].Item.Status.ShouldBe(AgendaItemStatus.Removed);
        agenda[0].Item.Reason.ShouldBe("Biopsy pending");
        meeting.AgendaCount.ShouldBe(2);
        meeting.Order().ShouldBe([agenda[1].Item.Id, agenda[2].Item.Id]);
        meeting.ActiveAgenda.Select(i => i.Position).ShouldBe([1, 2]);
    }

    [Fact]
    public void A_removed_place_is_free_again_for_another_case()
    {
        var (meeting, agenda) = WithCases(2, capacity: 2);
        meeting.RemoveCase(agenda[1].Item.Id, agenda[1].Case, "Moved", Actor, Now);
        meeting.AddCase(ReadyCase(), null, Actor, Now).Position.ShouldBe(2);
    }

    [Fact]
    public void Reorder_sets_the_positions_in_the_given_order()
    {
        var (meeting, agenda) = WithCases(3);
        Guid[] order = [agenda[2].Item.Id, agenda[0].Item.Id, agenda[1].Item.Id];

        meeting.Reorder(order, Actor, Now);

        meeting.Order().ShouldBe(order);
        meeting.ActiveAgenda.Select(i => i.Position).ShouldBe([1, 2, 3]);
    }

    public static TheoryData<string> BadOrders() => ["missing", "duplicate", "unknown", "extra"];

    [Theory]
    [MemberData(nameof(BadOrders))]
    public void Reorder_must_list_every_active_case_exactly_once(string fault)
    {
        var (meeting, agenda) = WithCases(3);
        var ids = agenda.Select(a => a.Item.Id).ToList();
        List<Guid> order = fault switch
        {
            "missing" => [ids[0], ids[1]],
            "duplicate" => [ids[0], ids[1], ids[1]],
            "unknown" => [ids[0], ids[1], Guid.NewGuid()],
            _ => [.. ids, Guid.NewGuid()],
        };
        Should.Throw<DomainConflictException>(() => meeting.Reorder(order, Actor, Now));
        meeting.Order().ShouldBe(ids);
    }

    [Theory]
    [InlineData(0, -1, new[] { 0, 1, 2 })]
    [InlineData(1, -1, new[] { 1, 0, 2 })]
    [InlineData(1, 1, new[] { 0, 2, 1 })]
    [InlineData(2, 1, new[] { 0, 1, 2 })]
    [InlineData(0, 5, new[] { 1, 2, 0 })]
    [InlineData(2, -9, new[] { 2, 0, 1 })]
    public void Move_shifts_one_case_and_clamps_at_the_ends(int index, int offset, int[] expected)
    {
        var (meeting, agenda) = WithCases(3);
        meeting.Move(agenda[index].Item.Id, offset, Actor, Now);
        meeting.Order().ShouldBe(expected.Select(i => agenda[i].Item.Id));
    }

    [Fact]
    public void Minutes_are_set_and_cleared_on_an_active_case_only()
    {
        var (meeting, agenda) = WithCases(2);
        meeting.SetMinutes(agenda[0].Item.Id, 15, Actor, Now);
        agenda[0].Item.Minutes.ShouldBe(15);
        meeting.SetMinutes(agenda[0].Item.Id, null, Actor, Now);
        agenda[0].Item.Minutes.ShouldBeNull();

        meeting.RemoveCase(agenda[1].Item.Id, agenda[1].Case, "Moved", Actor, Now);
        Should.Throw<NotFoundException>(() => meeting.SetMinutes(agenda[1].Item.Id, 10, Actor, Now));
    }
}
