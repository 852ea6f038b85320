using TumorBoard.Domain.Meetings;
using TumorBoard.Domain.Security;

namespace TumorBoard.UnitTests.Meetings;

public sealed class QuorumTests
{
    static readonly Discipline[] Required = [Discipline.MedicalOncology, Discipline.RadiationOncology, Discipline.Neurosurgery];

    /// <summary>Every subset of the three required disciplines, with Radiology, Pathology and no discipline alongside.</summary>
    public static TheoryData<int> Subsets() => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(Subsets))]
    public void Missing_names_exactly_the_required_disciplines_nobody_attends_for(int mask)
    {
        var present = Required.Where((_, i) => (mask & (1 << i)) != 0).ToList();
        Discipline?[] attendees = [.. present.Select(d => (Discipline?)d), Discipline.Radiology, Discipline.Pathology, null];

        var missing = Quorum.Missing(attendees);

        missing.ShouldBe(Required.Except(present).ToList());
        (missing.Count == 0).ShouldBe(mask == 7);
    }

    [Fact]
    public void Radiology_and_pathology_alone_make_no_quorum()
    {
        Quorum.Missing([Discipline.Radiology, Discipline.Pathology, Discipline.Radiology]).ShouldBe(Required);
    }

    [Fact]
    public void Two_members_of_one_discipline_count_once_and_nobody_present_misses_all_three()
    {
        Quorum.Missing([Discipline.Neurosurgery, Discipline.Neurosurgery]).ShouldBe([Discipline.MedicalOncology, Discipline.RadiationOncology]);
        Quorum.Missing([]).ShouldBe(Required);
    }
}
