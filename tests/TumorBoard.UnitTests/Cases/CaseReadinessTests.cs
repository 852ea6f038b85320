using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Clinical;
using TumorBoard.Domain.Common;

namespace TumorBoard.UnitTests.Cases;

public sealed class CaseReadinessTests
{
    static readonly SpinalLesion Lesion = TestCases.Complete().Lesions[0];

    /// <summary>Each item of the minimum dataset, removed on its own, and the words that name it.</summary>
    public static TheoryData<string, string> EachMissingItem() => new()
    {
        { "OtherWithoutText", "histology" },
        { "DiagnosisDate", "date of diagnosis" },
        { "Lesions", "at least one spinal lesion" },
        { "Compartments", "compartments" },
        { "Pain", "pain character" },
        { "Frankel", "Frankel grade" },
        { "Myelopathy", "myelopathy" },
        { "PerformanceStatus", "ECOG or Karnofsky" },
        { "ExtraspinalBoneMetastases", "extraspinal bone metastases" },
        { "VisceralMetastases", "visceral metastases" },
        { "BrainMetastases", "brain metastases" },
        { "ClinicalQuestion", "clinical question" },
        { "ReferringClinician", "referring clinician" },
    };

    static CaseDetails Without(string item)
    {
        var d = TestCases.Complete();
        return item switch
        {
            "OtherWithoutText" => d with { Histology = PrimaryHistology.Other, HistologyOtherText = " " },
            "DiagnosisDate" => d with { DiagnosisDate = null },
            "Lesions" => d with { Lesions = [] },
            "Compartments" => d with { Lesions = [Lesion, Lesion with { Compartments = [] }] },
            "Pain" => d with { Pain = null },
            "Frankel" => d with { Frankel = null },
            "Myelopathy" => d with { Myelopathy = null },
            "PerformanceStatus" => d with { Ecog = null, Karnofsky = null },
            "ExtraspinalBoneMetastases" => d with { ExtraspinalBoneMetastases = null },
            "VisceralMetastases" => d with { VisceralMetastases = null },
            "BrainMetastases" => d with { BrainMetastases = null },
            "ClinicalQuestion" => d with { ClinicalQuestion = "  " },
            "ReferringClinician" => d with { ReferringClinician = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(item)),
        };
    }

    [Fact]
    public void A_complete_case_misses_nothing() => CaseReadiness.MissingItems(TestCases.Complete()).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(EachMissingItem))]
    public void Names_each_missing_item_of_the_minimum_dataset(string item, string words)
    {
        var missing = CaseReadiness.MissingItems(Without(item));
        missing.ShouldHaveSingleItem().ShouldContain(words, Case.Insensitive);
    }

    [Theory]
    [MemberData(nameof(EachMissingItem))]
    public void Refuses_to_mark_an_incomplete_case_ready_and_says_what_is_missing(string item, string words)
    {
        var c = TestCases.In(CaseStatus.Draft, Without(item));
        Should.Throw<DomainConflictException>(() => c.MarkReady(TestCases.Actor, TestCases.Now))
            .Message.ShouldContain(words, Case.Insensitive);
        c.Status.ShouldBe(CaseStatus.Draft);
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(null, 60)]
    public void Either_ecog_or_karnofsky_is_enough(int? ecog, int? karnofsky) =>
        CaseReadiness.MissingItems(TestCases.Complete() with { Ecog = ecog, Karnofsky = karnofsky }).ShouldBeEmpty();

    [Fact]
    public void Lists_every_item_when_nothing_was_entered()
    {
        var missing = CaseReadiness.MissingItems(new CaseDetails());
        missing.Count.ShouldBe(EachMissingItem().Count() - 2);   // 'Other' text and compartments need a choice first
    }

    [Theory]
    [InlineData(CaseStatus.Draft)]
    [InlineData(CaseStatus.ReadyForBoard)]
    [InlineData(CaseStatus.Scheduled)]
    [InlineData(CaseStatus.Discussed)]
    public void Edits_a_case_not_yet_decided(CaseStatus status)
    {
        var c = TestCases.In(status);
        c.Update(TestCases.Complete() with { ClinicalQuestion = "  Surgery first?  ", Urgency = Urgency.Urgent }, TestCases.Actor, TestCases.Now.AddDays(1));
        c.ClinicalQuestion.ShouldBe("Surgery first?");
        c.Urgency.ShouldBe(Urgency.Urgent);
        c.UpdatedAt.ShouldBe(TestCases.Now.AddDays(1));
        c.Status.ShouldBe(status);
    }

    [Theory]
    [InlineData(CaseStatus.Decided, "decided")]
    [InlineData(CaseStatus.Closed, "decided")]
    [InlineData(CaseStatus.Withdrawn, "withdrawn")]
    public void Refuses_an_edit_once_decided_closed_or_withdrawn(CaseStatus status, string why)
    {
        var c = TestCases.In(status);
        Should.Throw<DomainConflictException>(() =>
                c.Update(TestCases.Complete() with { ClinicalQuestion = "Changed?" }, TestCases.Actor, TestCases.Now))
            .Message.ShouldContain(why, Case.Insensitive);
        c.ClinicalQuestion.ShouldBe(TestCases.Complete().ClinicalQuestion);
    }

    [Fact]
    public void A_ready_case_that_loses_part_of_its_dataset_returns_to_draft()
    {
        var c = TestCases.In(CaseStatus.ReadyForBoard);
        c.Update(TestCases.Complete() with { Frankel = null }, TestCases.Actor, TestCases.Now);
        c.Status.ShouldBe(CaseStatus.Draft);
        c.MissingForBoard().ShouldHaveSingleItem().ShouldContain("Frankel");
    }

    [Fact]
    public void A_ready_case_that_stays_complete_stays_ready()
    {
        var c = TestCases.In(CaseStatus.ReadyForBoard);
        c.Update(TestCases.Complete() with { Karnofsky = 80 }, TestCases.Actor, TestCases.Now);
        c.Status.ShouldBe(CaseStatus.ReadyForBoard);
    }

    [Fact]
    public void Refuses_a_lesion_whose_last_level_is_above_its_first()
    {
        var upsideDown = Lesion with { LevelFrom = SpinalLevel.L2, LevelTo = SpinalLevel.L1 };
        Should.Throw<DomainConflictException>(() =>
            TumorBoardCase.Register(Guid.NewGuid(), TestCases.Complete() with { Lesions = [upsideDown] }, TestCases.Actor, TestCases.Now));
    }

    [Fact]
    public void Keeps_the_other_histology_text_only_for_other()
    {
        var c = TestCases.In(CaseStatus.Draft, TestCases.Complete() with { HistologyOtherText = "ignored" });
        c.HistologyOtherText.ShouldBeNull();
        c.Update(TestCases.Complete() with { Histology = PrimaryHistology.Other, HistologyOtherText = " Chordoma " }, TestCases.Actor, TestCases.Now);
        c.HistologyOtherText.ShouldBe("Chordoma");
    }
}
