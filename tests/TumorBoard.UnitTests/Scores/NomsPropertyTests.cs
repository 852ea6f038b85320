using TumorBoard.Domain.Scores;

namespace TumorBoard.UnitTests.Scores;

/// <summary>Exhaustive enumeration over every combination of explicit NOMS inputs.</summary>
public class NomsPropertyTests
{
    private static IEnumerable<NomsInput> AllInputs() =>
        from sensitivity in new Radiosensitivity?[] { Radiosensitivity.Sensitive, Radiosensitivity.Resistant, Radiosensitivity.Unknown, null }
        from escc in EsccGrades.All.Select(g => (EsccGrade?)g).Append(null)
        from fit in new bool?[] { true, false, null }
        from sins in Enumerable.Range(0, 19).Select(s => (int?)s).Append(null)
        from gross in new bool?[] { true, false, null }
        from myelopathy in new bool?[] { true, false, null }
        select new NomsInput
        {
            Radiosensitivity = sensitivity, Escc = escc, FitForSurgery = fit, SinsTotal = sins,
            GrossInstability = gross, AcuteProgressiveMyelopathy = myelopathy,
        };

    [Fact]
    public void Every_combination_obeys_the_decision_table_invariants()
    {
        var count = 0;
        foreach (var input in AllInputs())
        {
            count++;
            var r = Noms.Suggest(input);
            var resistant = input.Radiosensitivity == Radiosensitivity.Resistant;
            var highGrade = input.Escc is { } g && EsccGrades.IsHighGrade(g);
            var unstable = input.GrossInstability == true || input.SinsTotal >= 13;

            r.Version.ShouldBe("NOMS/Laufer2013");
            r.Complete.ShouldBe(r.Missing.Count == 0);
            r.Missing.Distinct().Count().ShouldBe(r.Missing.Count);
            if (r.Complete) r.Radiation.ShouldNotBeNull();
            (input.Radiosensitivity is null or Radiosensitivity.Unknown).ShouldBe(r.Missing.Contains("radiosensitivity"));
            (input.Escc is null).ShouldBe(r.Missing.Contains("escc"));
            (input.SinsTotal is null && input.GrossInstability != true).ShouldBe(r.Missing.Contains("sinsTotal"));

            if (input.Radiosensitivity == Radiosensitivity.Sensitive) r.Radiation.ShouldBe(NomsCodes.Cebrt);
            (r.Radiation == NomsCodes.SeparationSurgeryThenSrs).ShouldBe(resistant && highGrade && input.FitForSurgery == true);
            (r.Radiation == NomsCodes.Srs).ShouldBe(resistant && input.Escc is { } low && !EsccGrades.IsHighGrade(low));
            r.Flags.Contains(NomsCodes.Escc1cDiscuss).ShouldBe(resistant && input.Escc == EsccGrade.Grade1c);
            r.Flags.Contains(NomsCodes.AcuteProgressiveMyelopathy).ShouldBe(input.AcuteProgressiveMyelopathy == true);

            (r.Mechanical == NomsCodes.Stabilization).ShouldBe(unstable && input.FitForSurgery == true);
            (r.Mechanical == NomsCodes.InstabilityNotSurgicallyAddressable).ShouldBe(unstable && input.FitForSurgery == false);
            (r.Mechanical == NomsCodes.SurgicalConsult).ShouldBe(!unstable && input.SinsTotal is >= 7 and <= 12);
            if (r.Complete && r.Mechanical is null) (input.SinsTotal <= 6 && input.GrossInstability != true).ShouldBeTrue();
            // Every code that fired is explained by a rationale line that cites its source.
            if (r.Radiation is not null) r.Rationale.ShouldContain(l => l.Contains("Laufer et al., Oncologist 2013), row A"));
            if (r.Mechanical is not null || r.Complete) r.Rationale.ShouldContain(l => l.Contains("Laufer et al., Oncologist 2013), row B"));
        }
        count.ShouldBe(4 * 7 * 3 * 20 * 3 * 3);
    }
}
