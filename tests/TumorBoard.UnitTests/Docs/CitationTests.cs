namespace TumorBoard.UnitTests.Docs;

/// <summary>
/// Every citation of docs/domain in the code (comments, messages, pages, shipped data) resolves to a section, item, table
/// row or requirement id that the pages have (the forms: docs/domain/README.md). The checker itself is tested on small
/// made-up pages, so that a broken scanner cannot pass by finding nothing.
/// </summary>
public sealed class CitationTests
{
    static readonly string[] Scanned = ["src", "tests", "migrations"];
    static readonly string[] Extensions = [".cs", ".cshtml", ".js", ".json"];

    [Fact]
    public void Every_citation_in_the_code_resolves_in_docs_domain()
    {
        var root = RepositoryRoot();
        var docs = DomainDocs.Load(Path.Combine(root, "docs", "domain"));

        var problems = SourceFiles(root)
            .SelectMany(file => Citations.Find(File.ReadAllText(file)).Select(c => (file, c)))
            .Select(x => (x.file, x.c, problem: Citations.Problem(x.c, docs)))
            .Where(x => x.problem is not null)
            .Select(x => $"{Path.GetRelativePath(root, x.file)}:{x.c.Line}: \"{x.c.Text}\": {x.problem}")
            .ToList();

        problems.ShouldBeEmpty("Citations that docs/domain does not resolve:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_scan_sees_every_kind_of_citation_the_code_makes()
    {
        var root = RepositoryRoot();
        var found = SourceFiles(root).SelectMany(f => Citations.Find(File.ReadAllText(f))).ToList();

        found.ShouldContain(c => c.Kind == CitationKind.Section && c.Page == "scores.md");
        found.ShouldContain(c => c.Kind == CitationKind.GeneralRule);
        found.ShouldContain(c => c.Kind == CitationKind.Item && c.Within == "(b)");
        found.ShouldContain(c => c.Kind == CitationKind.Item && c.Within == "(d)");
        found.ShouldContain(c => c.Kind == CitationKind.Id && c.Within == "DH");
        found.ShouldContain(c => c.Kind == CitationKind.Id && c.Within == "REG");
    }

    static readonly DomainDocs Sample = new(new Dictionary<string, string>
    {
        ["scores.md"] = """
            # Scores
            ## General rules for the software
            1. Keep the components.
            2. Keep the version.
            ## 1. SINS
            ### 1.1 Components
            ### 1.2 Interpretation
            Binary form: 0-6 stable.
            ## 2. ESCC
            ## 3. NOMS
            ### 3.1 Sentinel assessments
            | Letter | Assessment |
            |---|---|
            | M | Mechanical |
            ### 3.3 Decision table
            | # | Code |
            |---|---|
            | A1 | CEBRT |
            | A4 | SEPARATION_SURGERY_THEN_SRS |
            | B3 | STABILIZATION |
            | B4 | flag |
            **Step C (S, systemic).** The board decides.
            Ambiguities and limitations (NOMS):
            ## 4. Tokuhashi
            Ambiguities and pitfalls (Tokuhashi):
            """,
        ["practice.md"] = """
            # Practice
            ## (b) What users ask for
            ### Referral
            1. One way in.
               *Test: a continuation line.*
            ### After the meeting
            12. Actions have an owner.
            13. Implementation is tracked.
            ## (c) Regulatory requirements
            - **REG-9: §11.50.** "quoted"
            - **REG-10: §11.70.** "quoted"
            | ID | Requirement | Derived from |
            |---|---|---|
            | DH-4 | Signature bound to a hash | REG-10, REG-18 |
            ## (d) Features
            6. Quorum per case.
            """,
    });

    [Theory]
    [InlineData("// SINS (scores.md §1).")]
    [InlineData("// components, scores.md §1.1; category §1.2, binary form")]
    [InlineData("/// POST the inputs (scores.md §1-3)")]
    [InlineData("// the decision table, row A4 (scores.md §3.3 A4), B3/B4 (scores.md §3.3 B3/B4), step A (scores.md §3.3 A)")]
    [InlineData("// gross instability (scores.md §3.1 M)")]
    [InlineData("// fit for surgery (scores.md §3.3 step C); radiation assumed (scores.md §3.3 ambiguities)")]
    [InlineData("// ECOG 1 straddles a band (scores.md §4 pitfalls)")]
    [InlineData("// no partial totals (scores.md, general rule 2); scores.md general rule 1")]
    [InlineData("// checklist (practice.md (b)12-13, (d)6)")]
    [InlineData("/// a waiver (audited; practice.md\n/// (d)6), bound to the hash (DH-4, REG-9, REG-10)")]
    [InlineData("// ESCC, scores.md §2.\n// the table of §3.3 (no page named on this line: the last one named counts)")]
    public void A_citation_the_pages_have_resolves(string source)
    {
        var found = Citations.Find(source);

        found.ShouldNotBeEmpty();
        found.Select(c => Citations.Problem(c, Sample)).ShouldAllBe(problem => problem == null);
    }

    [Fact]
    public void The_issue_tracker_and_the_regulations_themselves_are_not_citations_of_the_pages()
    {
        Citations.Find("/// The status flow (foundation issue §4), scores.md; 21 CFR §11.10(e) is the regulation itself.")
            .ShouldBeEmpty();
    }

    [Theory]
    [InlineData("// scores.md §9", "scores.md has no section 9")]
    [InlineData("// scores.md §1.3", "scores.md has no section 1.3")]
    [InlineData("// scores.md §1-5", "scores.md has no section 5")]
    [InlineData("// scores.md §3.3 A6", "scores.md §3.3 has no \"A6\"")]
    [InlineData("// scores.md §3.3 B3/B5", "scores.md §3.3 has no \"B3/B5\"")]
    [InlineData("// scores.md §3.1 N", "scores.md §3.1 has no \"N\"")]
    [InlineData("// scores.md §3.3 step D", "scores.md §3.3 has no \"step D\"")]
    [InlineData("// scores.md §2 pitfalls", "scores.md §2 has no \"pitfalls\"")]
    [InlineData("// scores.md general rule 3", "scores.md has no general rule 3")]
    [InlineData("// practice.md (b)2", "practice.md has no item (b)2")]
    [InlineData("// practice.md (b)12-14", "practice.md has no item (b)14")]
    [InlineData("// practice.md (d)7", "practice.md has no item (d)7")]
    [InlineData("// practice.md (e)1", "practice.md has no section (e)")]
    [InlineData("// DH-5", "practice.md defines no DH-5")]
    [InlineData("// REG-18 is only mentioned in a row, not defined", "practice.md defines no REG-18")]
    [InlineData("// pathways.md §1", "docs/domain has no pathways.md")]
    [InlineData("// a section with no page (§1.1)", "names no page: write the page before the section (\"scores.md §1.3\")")]
    public void A_citation_the_pages_do_not_have_is_reported_with_its_reason(string source, string problem)
    {
        var problems = Citations.Find(source).Select(c => Citations.Problem(c, Sample)).OfType<string>().ToList();

        problems.ShouldBe([problem]);
    }

    [Fact]
    public void A_reported_citation_names_its_line()
    {
        var found = Citations.Find("namespace X;\n\n/// <summary>See scores.md §7.</summary>\n");

        found.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Line.ShouldBe(3),
            c => c.Text.ShouldBe("§7"),
            c => Citations.Problem(c, Sample).ShouldBe("scores.md has no section 7"));
    }

    /// <summary>Walks up from the test binaries to the folder holding TumorBoard.sln.</summary>
    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TumorBoard.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TumorBoard.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Source, pages and shipped data; not build output, and not this folder's made-up citations.</summary>
    static IEnumerable<string> SourceFiles(string root)
    {
        var own = Path.Combine(root, "tests", "TumorBoard.UnitTests", "Docs") + Path.DirectorySeparatorChar;
        return Scanned.Select(d => Path.Combine(root, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Where(f => !f.StartsWith(own, StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"));
    }
}
