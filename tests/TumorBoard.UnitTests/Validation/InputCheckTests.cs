using System.Reflection;
using System.Runtime.CompilerServices;
using TumorBoard.Application.Common.Validation;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Application.Features.Cases;
using TumorBoard.Application.Features.Decisions;
using TumorBoard.Application.Features.Meetings;
using TumorBoard.Application.Features.Meetings.Agenda;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Cases;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Decisions;

namespace TumorBoard.UnitTests.Validation;

public sealed class InputCheckTests
{
    static string[] Paths(object message) => [.. InputCheck.Check(message).Select(f => f.PropertyName)];

    [Fact]
    public void Passes_a_complete_ordinary_message()
    {
        Paths(new RegisterPatient.Command { Mrn = "A-1", FamilyName = "Keller", GivenName = "Anna" }).ShouldBeEmpty();
        Paths(new WithdrawCase.Command { Reason = "Moved away.\r\n\tSee letter." }).ShouldBeEmpty();
    }

    [Fact]
    public void Names_a_control_character_by_its_property_path_inside_parts_and_lists()
    {
        var content = new DecisionContent
        {
            Rationale = "ok", Plan = [new PlanStep { Details = "fine" }, new PlanStep { Details = "bad\u0000" }],
        };
        Paths(new RecordDecision.Command { Content = content }).ShouldBe(["Content.Plan[1].Details"]);
    }

    [Fact]
    public void Allows_line_breaks_only_where_the_property_is_multi_line()
    {
        Paths(new RegisterPatient.Command { FamilyName = "Kel\nler" }).ShouldBe(["FamilyName"]);
        Paths(new RecordPosition.Command { Text = "I disagree:\n- dose" }).ShouldBeEmpty();
        Paths(new RecordDecision.Command { Content = new DecisionContent { Rationale = "Two\nlines", Plan = [new PlanStep { Details = "a\nb" }] } })
            .ShouldBeEmpty();
    }

    [Fact]
    public void Refuses_a_null_list_and_a_null_entry_but_not_a_list_declared_optional()
    {
        Paths(new RegisterCase.Command { Lesions = null! }).ShouldBe(["Lesions"]);
        Paths(new RegisterCase.Command { Lesions = [new LesionInput(), null!] }).ShouldBe(["Lesions[1]"]);
        Paths(new RegisterCase.Command { Lesions = [new LesionInput { Compartments = null! }] }).ShouldBe(["Lesions[0].Compartments"]);
        Paths(new CreateAccount.Command { Roles = ["Coordinator", null!] }).ShouldBe(["Roles[1]"]);
        Paths(new RecordAttendance.Command { PresentUserIds = null! }).ShouldBe(["PresentUserIds"]);
        Paths(new ReorderAgenda.Command { ItemIds = null }).ShouldBeEmpty();
    }

    [Fact]
    public void Refuses_a_missing_part_the_message_declares_required()
    {
        Paths(new RecordDecision.Command { Content = null! }).ShouldBe(["Content"]);
        Paths(new AmendDecision.Command { Reason = "r", Content = new DecisionContent { Plan = [null!] } }).ShouldBe(["Content.Plan[0]"]);
    }

    [Fact]
    public void Refuses_an_enum_value_that_is_not_one_of_its_names()
    {
        var failure = InputCheck.Check(new ListCases.Query { Status = (CaseStatus)99 }).ShouldHaveSingleItem();
        failure.PropertyName.ShouldBe("Status");
        failure.ErrorMessage.ShouldContain("Draft");
        Paths(new RecordDecision.Command { Content = new DecisionContent { Plan = [new PlanStep { TargetLevels = [(TumorBoard.Domain.Clinical.SpinalLevel)(-1)] }] } })
            .ShouldBe(["Content.Plan[0].TargetLevels[0]"]);
    }

    [Fact]
    public void Reports_every_problem_of_a_message_at_once()
    {
        Paths(new RegisterCase.Command { ClinicalQuestion = "\u0000", ReferringClinician = "Dr\tX", PriorRadiotherapy = null! })
            .Order().ShouldBe(["ClinicalQuestion", "PriorRadiotherapy", "ReferringClinician"]);
    }

    /// <summary>No message can forget it: a NUL in any text property of any message (nested parts included) is named.</summary>
    [Fact]
    public void Checks_every_text_property_of_every_message_of_the_application()
    {
        var messages = typeof(RegisterCase).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Mediator.IMessage).IsAssignableFrom(t)).ToList();
        messages.Count.ShouldBeGreaterThan(60);
        List<string> missed = [];
        var checkedFields = 0;
        foreach (var type in messages)
            foreach (var path in TextPaths(type, "", 0))
            {
                checkedFields++;
                var message = Build(type, path.Split('.'));
                if (!Paths(message).Contains(path)) missed.Add($"{type.FullName}: {path}");
            }
        missed.ShouldBeEmpty();
        checkedFields.ShouldBeGreaterThanOrEqualTo(43);
    }

    static IEnumerable<string> TextPaths(Type type, string prefix, int depth)
    {
        if (depth > 4) yield break;
        foreach (var p in Settable(type))
        {
            if (p.PropertyType == typeof(string)) yield return prefix + p.Name;
            else if (p.PropertyType.IsClass && p.PropertyType.Namespace?.StartsWith("TumorBoard.", StringComparison.Ordinal) == true)
                foreach (var inner in TextPaths(p.PropertyType, prefix + p.Name + ".", depth + 1)) yield return inner;
        }
    }

    static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    /// <summary>An instance with only the text at <paramref name="path"/> set (to a NUL), the parts on the way created.</summary>
    static object Build(Type type, string[] path)
    {
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        var property = Settable(type).Single(p => p.Name == path[0]);
        property.SetValue(instance, path.Length == 1 ? "\u0000" : Build(property.PropertyType, path[1..]));
        return instance;
    }
}
