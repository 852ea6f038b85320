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
    public void Names_the_fields_of_an_inline_part_as_the_message_own()
    {
        var content = new Domain.Assessments.NeurosurgeryContent
        {
            Rationale = "bad\u0001", Lesions = [new Domain.Assessments.LesionAssessment { Pain = (Domain.Clinical.PainCharacter)9 }],
        };
        Paths(new Application.Features.Assessments.SaveAssessmentDraft.Command { Content = content })
            .ShouldBe(["Lesions[0].Pain", "Rationale"], ignoreOrder: true);
        Paths(new Application.Features.Assessments.ReviseAssessment.Command { Content = content with { Rationale = "ok" }, Reason = "a\u0000" })
            .ShouldBe(["Lesions[0].Pain", "Reason"], ignoreOrder: true);
        Paths(new Application.Features.Assessments.SaveAssessmentDraft.Command { Content = null! }).ShouldBe(["Content"]);
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
            foreach (var steps in TextPaths(type, 0))
            {
                checkedFields++;
                var path = PathOf(steps);
                var message = Build(type, steps);
                if (!Paths(message).Contains(path)) missed.Add($"{type.FullName}: {path}");
            }
        missed.ShouldBeEmpty();
        checkedFields.ShouldBeGreaterThanOrEqualTo(43);
    }

    /// <summary>One property on the way to a text, and the type the test puts there (each record of a polymorphic part).</summary>
    sealed record Step(PropertyInfo Property, Type Type);

    static IEnumerable<Step[]> TextPaths(Type type, int depth)
    {
        if (depth > 4) yield break;
        foreach (var p in Settable(type))
        {
            if (p.PropertyType == typeof(string)) yield return [new Step(p, typeof(string))];
            else if (p.PropertyType.IsClass && p.PropertyType.Namespace?.StartsWith("TumorBoard.", StringComparison.Ordinal) == true)
                foreach (var concrete in Concrete(p.PropertyType))
                    foreach (var inner in TextPaths(concrete, depth + 1)) yield return [new Step(p, concrete), .. inner];
        }
    }

    /// <summary>A part declared abstract (an assessment's content) is any of its records.</summary>
    static IEnumerable<Type> Concrete(Type type) =>
        type.IsAbstract ? type.Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(type)) : [type];

    /// <summary>The path FluentValidation would name: a part marked InlineFields adds no name of its own.</summary>
    static string PathOf(Step[] steps) =>
        string.Join(".", steps.Where(s => !Attribute.IsDefined(s.Property, typeof(InlineFieldsAttribute), inherit: true)).Select(s => s.Property.Name));

    static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    /// <summary>An instance with only the text at the end of <paramref name="steps"/> set (to a NUL), the parts on the way created.</summary>
    static object Build(Type type, Step[] steps)
    {
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        steps[0].Property.SetValue(instance, steps.Length == 1 ? "\u0000" : Build(steps[0].Type, steps[1..]));
        return instance;
    }
}
