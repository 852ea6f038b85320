using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using TumorBoard.Application.Features.Cases;

namespace TumorBoard.UnitTests.Conventions;

/// <summary>
/// The same area names everywhere (issue 16): Application use cases sit in one of the board's areas, each file's
/// namespace is its folder, and the pages never reach into the API's types (what both need lives outside Api/).
/// </summary>
public sealed partial class LayoutConventionTests
{
    const string Features = "TumorBoard.Application.Features";

    /// <summary>The areas, as Web/Api/&lt;Area&gt;Endpoints.cs, Web/Pages/&lt;Area&gt;/ and the test folders name them.</summary>
    static readonly string[] Areas =
    [
        "Patients", "Cases", "Scores", "Accounts", "Audit",
        "Meetings", "Meetings.Agenda", "Meetings.Calendar",
        "Assessments", "Decisions", "FollowUps", "CaseHistory", "Fhir", "PatientLetters", "Reports", "FastTrack", "Analytics", "Analytics.Metrics",
        // The FHIR import's mapping (issue #13 part 3: "the FHIR mapping in its own folder"); its use cases, ImportPatient
        // and PreviewPatientImport, are in Patients.
        "Fhir.Import",
    ];

    static readonly Assembly Application = typeof(RegisterCase).Assembly;
    static readonly Assembly Web = typeof(TumorBoard.Web.Api.CasesEndpoints).Assembly;

    [Fact]
    public void Every_use_case_sits_in_one_of_the_board_areas()
    {
        var strays = Application.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Features + ".", StringComparison.Ordinal) == true || t.Namespace == Features)
            .Where(t => !Areas.Contains(t.Namespace == Features ? "" : t.Namespace![(Features.Length + 1)..]))
            .Select(t => $"{t.FullName}")
            .ToList();
        strays.ShouldBeEmpty();
    }

    [Fact]
    public void Every_area_folder_holds_use_cases()
    {
        var used = Application.GetTypes().Select(t => t.Namespace).Where(n => n?.StartsWith(Features + ".") == true)
            .Select(n => n![(Features.Length + 1)..]).ToHashSet();
        Areas.Where(a => !used.Contains(a)).ShouldBeEmpty();
    }

    /// <summary>Namespaces follow folders in every source project, so a moved file cannot keep its old area.</summary>
    [Theory]
    [InlineData("src/TumorBoard.Application")]
    [InlineData("src/TumorBoard.Web")]
    [InlineData("src/TumorBoard.Domain")]
    public void Every_file_declares_the_namespace_of_its_folder(string project)
    {
        var root = Path.Combine(RepositoryRoot(), project);
        var projectNamespace = Path.GetFileName(project);
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/") || relative.StartsWith("obj/") || !relative.Contains('/')) continue;   // Program.cs: top level
            var folder = Path.GetDirectoryName(relative)!.Replace('\\', '/').Replace('/', '.');
            var declared = NamespaceLine().Match(File.ReadAllText(file));
            if (!declared.Success || declared.Groups["ns"].Value != $"{projectNamespace}.{folder}")
                wrong.Add($"{relative}: {(declared.Success ? declared.Groups["ns"].Value : "no namespace")}");
        }
        wrong.ShouldBeEmpty();
    }

    /// <summary>
    /// No page type (page models, their lambdas and the compiled views) names an Api type in a signature or in its code:
    /// the pages and the endpoints are two front ends over the same use cases, side by side.
    /// </summary>
    [Fact]
    public void No_page_uses_a_type_of_the_Api_folder()
    {
        var api = Web.GetTypes().Where(t => IsIn(t, "TumorBoard.Web.Api")).ToHashSet();
        api.ShouldNotBeEmpty();
        var pages = Web.GetTypes().Where(t => IsIn(t, "TumorBoard.Web.Pages") || IsCompiledPage(t)).ToList();
        pages.Count.ShouldBeGreaterThan(40);

        var uses = pages.SelectMany(page => TypesUsedBy(page).Where(api.Contains).Select(used => $"{page.FullName} → {used.FullName}"))
            .Distinct().ToList();
        uses.ShouldBeEmpty();
    }

    static bool IsIn(Type t, string ns) => t.Namespace == ns || t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) == true;

    /// <summary>Razor compiles Pages/X/Y.cshtml to AspNetCoreGeneratedDocument.Pages_X_Y.</summary>
    static bool IsCompiledPage(Type t) =>
        t.Namespace == "AspNetCoreGeneratedDocument" && (t.DeclaringType ?? t).Name.StartsWith("Pages_", StringComparison.Ordinal);

    const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static IEnumerable<Type> TypesUsedBy(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null) return;
            if (t.HasElementType) { Add(t.GetElementType()); return; }
            if (t.IsGenericType && !t.IsGenericTypeDefinition) { foreach (var a in t.GetGenericArguments()) Add(a); Add(t.GetGenericTypeDefinition()); return; }
            for (var d = t; d is not null; d = d.DeclaringType) found.Add(d);
        }
        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(Everything)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Everything)) Add(p.PropertyType);
        foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (var p in m.GetParameters()) Add(p.ParameterType);
            foreach (var member in MembersCalledBy(m))
                Add(member switch { Type t => t, MemberInfo x => x.DeclaringType, _ => null });
        }
        return found;
    }

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The members a method's IL refers to (calls, field loads, new objects, type tokens).</summary>
    static IEnumerable<MemberInfo> MembersCalledBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            var op = OpCodesByValue[value];
            i += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    MemberInfo? member = null;
                    try { member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs); }
                    catch (Exception e) when (e is ArgumentException or TypeLoadException or MissingMemberException or BadImageFormatException) { }
                    if (member is not null) yield return member;
                    i += 4; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                default: i += 4; break;
            }
        }
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorBoard.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TumorBoard.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^namespace (?<ns>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
