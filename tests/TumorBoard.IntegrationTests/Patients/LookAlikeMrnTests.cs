using System.Net;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumorBoard.Application.Features.Audit;
using TumorBoard.Application.Features.Patients;
using TumorBoard.Domain.Patients;
using TumorBoard.IntegrationTests.Cases;
using TumorBoard.IntegrationTests.Http;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Patients;

/// <summary>
/// Look-alike MRNs are the registered patient, not a new one (issue #10 item 13): refused with a 400 on mrn naming the patient,
/// found by search, kept unique by the database in their canonical form, and old rows rewritten by the migration.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class LookAlikeMrnTests(AppFixture app) : DatabaseTest(app)
{
    const string Match = "This medical record number matches patient DEMO-1001, Muster Anna (born 1961-04-12), who is already registered.";

    async Task<Guid> RegisterAnnaAsync() =>
        (await app.Send(AppFixture.Coordinator, TestData.Patient("DEMO-1001") with { FamilyName = "Muster", GivenName = "Anna" })).Id;

    public static TheoryData<string> LookAlikes() =>
    [
        "DEMO-1001\u200B", "DEMO-1001\u00A0", "\u00A0DEMO-1001", "DEM\u041E-1001", "DEMO-\uFF11\uFF10\uFF10\uFF11", "demo-1001",
        "\u200BD\u0435mo\u20111001\u2060", "DE\u00ADMO-1001", "\uFEFFDEMO-1001", "D\u0395MO-1001", "DEMO\u22121001",
    ];

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task A_look_alike_mrn_is_refused_naming_the_registered_patient(string lookAlike)
    {
        await RegisterAnnaAsync();
        var refused = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, TestData.Patient(lookAlike)));
        refused.Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.PropertyName.ShouldBe("Mrn"), e => e.ErrorMessage.ShouldBe(Match));
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task An_update_to_a_look_alike_of_another_patients_mrn_is_refused_but_its_own_in_any_form_is_kept()
    {
        await RegisterAnnaAsync();
        var id = (await app.Send(AppFixture.Coordinator, TestData.Patient("DEMO-1002"))).Id;
        var p = await app.Send(AppFixture.Coordinator, new GetPatient.Query(id));
        var update = new UpdatePatient.Command
        {
            PatientId = id, ExpectedVersion = p.Version, Mrn = "dem\u043E-1001\u200B", FamilyName = p.FamilyName, GivenName = p.GivenName,
            DateOfBirth = p.DateOfBirth, Sex = p.Sex,
        };
        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, update)))
            .Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe(Match);

        await app.Send(AppFixture.Coordinator, update with { Mrn = " demo-１００２\u00A0" });
        (await app.Send(AppFixture.Coordinator, new GetPatient.Query(id))).Mrn.ShouldBe("DEMO-1002");
    }

    [Fact]
    public async Task A_new_patient_is_stored_with_the_canonical_mrn_and_an_mrn_that_cannot_be_one_is_named()
    {
        var id = (await app.Send(AppFixture.Coordinator, TestData.Patient(" kssg/2024.117\u2013a\u200B "))).Id;
        (await app.Send(AppFixture.Coordinator, new GetPatient.Query(id))).Mrn.ShouldBe("KSSG/2024.117-A");

        var bad = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Coordinator, TestData.Patient("M\u00DCLLER 7")));
        bad.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain("(\"\u00DC\" (U+00DC) is not allowed)");
    }

    [Fact]
    public async Task Searching_by_a_look_alike_or_part_of_the_mrn_finds_the_patient_and_invisible_text_alone_finds_nothing()
    {
        var anna = await RegisterAnnaAsync();
        await app.Send(AppFixture.Coordinator, TestData.Patient("ZZ-7") with { FamilyName = "Other" });
        async Task<Guid[]> Find(string text) =>
            [.. (await app.Send(AppFixture.Clinician, new FindPatients.Query { Text = text })).Items.Select(r => r.Id)];

        (await Find("demo-１００1")).ShouldBe([anna]);
        (await Find("D\u0415MO\u2011")).ShouldBe([anna]);
        (await Find("\u200B")).ShouldBeEmpty();
        (await Find("muster")).ShouldBe([anna]);   // names are searched as typed
        (await app.Send(AppFixture.Clinician, new FindPatientByMrn.Query("dem\u043E-1001\u00A0")))!.Id.ShouldBe(anna);
    }

    [Fact]
    public async Task The_api_answers_400_on_mrn_naming_the_patient_and_a_racing_duplicate_409_from_the_unique_index()
    {
        await RegisterAnnaAsync();
        using var client = await app.ClientAsync(AppFixture.Coordinator);
        var problem = await (await client.PostAsync("/api/v1/patients", Api.Body(TestData.Patient("DEMO-1001\u200B"))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ErrorKeys().ShouldBe(["mrn"]);
        problem.GetProperty("errors").GetProperty("mrn")[0].GetString().ShouldBe(Match);

        // Past the validator (as a racing request would be): the unique index on the canonical form answers, as a 409.
        using var insert = new NpgsqlCommand("""
            INSERT INTO patients (id, mrn, family_name, given_name, date_of_birth, sex, created_at, created_by, updated_at, updated_by)
            VALUES (gen_random_uuid(), 'DEMO-1001', 'Race', 'R', '1970-01-01', 'Male', now(), gen_random_uuid(), now(), gen_random_uuid())
            """);
        var violation = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(insert));
        violation.ConstraintName.ShouldBe("ix_patients_mrn");
        var outcome = Web.Errors.ExceptionMapping.Map(new DbUpdateException("race", violation))!;
        (outcome.Status, outcome.Detail).ShouldBe((409, "A patient with this medical record number (or one that differs only in look-alike characters) " +
            "was registered at the same moment: search for it before registering again."));
    }

    [Fact]
    public async Task The_database_refuses_an_mrn_not_in_canonical_form()
    {
        using var insert = new NpgsqlCommand("""
            INSERT INTO patients (id, mrn, family_name, given_name, date_of_birth, sex, created_at, created_by, updated_at, updated_by)
            VALUES (gen_random_uuid(), 'demo-1001', 'Raw', 'R', '1970-01-01', 'Male', now(), gen_random_uuid(), now(), gen_random_uuid())
            """);
        (await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(insert))).ConstraintName.ShouldBe("ck_patients_mrn_normalized");
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task The_migrations_sql_normalises_like_the_application(string lookAlike)
    {
        using var select = new NpgsqlCommand("SELECT tb_normalize_mrn(@mrn)") { Parameters = { new("mrn", lookAlike) } };
        (await ScalarAsync(select)).ShouldBe(Mrn.Normalize(lookAlike));
    }

    [Fact]
    public async Task The_migrations_backfill_rewrites_old_mrns_with_chained_audit_rows_and_names_duplicates()
    {
        await RegisterAnnaAsync();   // an audit chain to continue
        await WithoutCanonicalCheckAsync(async conn =>
        {
            await using (var old = new NpgsqlCommand("""
                INSERT INTO patients (id, mrn, family_name, given_name, date_of_birth, sex, created_at, created_by, updated_at, updated_by)
                VALUES (gen_random_uuid(), E' demo-2002\u200B', 'Old', 'Row', '1950-01-01', 'Female', now(), gen_random_uuid(), now(), gen_random_uuid()),
                       (gen_random_uuid(), E'KSSG\u2013\u041E7', 'Old', 'Two', '1950-01-01', 'Female', now(), gen_random_uuid(), now(), gen_random_uuid())
                """, conn))
                await old.ExecuteNonQueryAsync();
            await using var run = new NpgsqlCommand("SELECT tb_normalize_patient_mrns()", conn);
            (await run.ExecuteScalarAsync()).ShouldBe(2);
        });
        (await app.QueryDbAsync(db => db.Patients.OrderBy(p => p.Mrn).Select(p => p.Mrn).ToListAsync())).ShouldBe(["DEMO-1001", "DEMO-2002", "KSSG-O7"]);
        var rows = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.Action == "NormalizePatientMrns").ToListAsync());
        rows.Count.ShouldBe(2);
        rows.ShouldContain(r => r.Changes.Contains("\"old\" : \" demo-2002\u200B\"") && r.Changes.Contains("\"new\" : \"DEMO-2002\""));
        (await app.Send(AppFixture.Admin, new VerifyAuditTrail.Query())).Valid.ShouldBeTrue();

        await WithoutCanonicalCheckAsync(async conn =>
        {
            await using (var dup = new NpgsqlCommand("""
                INSERT INTO patients (id, mrn, family_name, given_name, date_of_birth, sex, created_at, created_by, updated_at, updated_by)
                VALUES (gen_random_uuid(), 'demo-1001', 'Dup', 'Licate', '1950-01-01', 'Female', now(), gen_random_uuid(), now(), gen_random_uuid())
                """, conn))
                await dup.ExecuteNonQueryAsync();
            await using var run = new NpgsqlCommand("SELECT tb_normalize_patient_mrns()", conn);
            (await Should.ThrowAsync<PostgresException>(() => run.ExecuteScalarAsync())).MessageText
                .ShouldStartWith("These patients have the same medical record number once invisible characters, spacing, case and look-alike letters are normalised: DEMO-1001 <- 'DEMO-1001'");
            await using var clean = new NpgsqlCommand("DELETE FROM patients WHERE mrn = 'demo-1001'", conn);
            await clean.ExecuteNonQueryAsync();
        });
    }

    [Fact]
    public async Task The_register_form_shows_the_match_under_the_mrn_with_a_link_to_the_patient()
    {
        var anna = await RegisterAnnaAsync();
        var client = await PageClient.SignedInAsync(app, AppFixture.Coordinator);
        var response = await PageClient.PostFormAsync(client, "/Patients/Register", new()
        {
            ["Input.Mrn"] = "dem\u043E-1001\u200B", ["Input.FamilyName"] = "Muster", ["Input.GivenName"] = "Anna",
            ["Input.DateOfBirth"] = "1961-04-12", ["Input.Sex"] = "Female",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        MessagesUnder(html, "Input.Mrn").ShouldBe([Match]);
        html.ShouldContain($"href=\"/Patients/Details/{anna}\">Open patient DEMO-1001, Muster Anna</a>");
        (await app.QueryDbAsync(db => db.Patients.CountAsync())).ShouldBe(1);

        var other = (await app.Send(AppFixture.Coordinator, TestData.Patient("DEMO-1003"))).Id;
        var edit = await PageClient.PostFormAsync(client, $"/Patients/Edit/{other}", new()
        {
            ["Input.Mrn"] = "DEMO-1001\u00A0", ["Input.FamilyName"] = "Muster", ["Input.GivenName"] = "Erika", ["Input.DateOfBirth"] = "1961-04-12",
            ["Input.Sex"] = "Female", ["Input.ExpectedVersion"] = (await app.Send(AppFixture.Coordinator, new GetPatient.Query(other))).Version.ToString(),
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await edit.Content.ReadAsStringAsync()).ShouldContain($"href=\"/Patients/Details/{anna}\"");
    }

    async Task ExecuteAsync(NpgsqlCommand command)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        command.Connection = conn;
        await command.ExecuteNonQueryAsync();
    }

    async Task<object?> ScalarAsync(NpgsqlCommand command)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        command.Connection = conn;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Old rows (from before the migration) can only be written with the canonical-form check lifted; it is put back.</summary>
    async Task WithoutCanonicalCheckAsync(Func<NpgsqlConnection, Task> work)
    {
        await using var conn = new NpgsqlConnection(app.App.ConnectionString);
        await conn.OpenAsync();
        await using (var drop = new NpgsqlCommand("ALTER TABLE patients DROP CONSTRAINT ck_patients_mrn_normalized", conn))
            await drop.ExecuteNonQueryAsync();
        try { await work(conn); }
        finally
        {
            await using var add = new NpgsqlCommand($"ALTER TABLE patients ADD CONSTRAINT ck_patients_mrn_normalized CHECK (mrn ~ '{Mrn.AllowedPattern}')", conn);
            await add.ExecuteNonQueryAsync();
        }
    }

    static List<string> MessagesUnder(string html, string field) =>
        FieldMessage().Matches(html).Where(m => m.Groups[1].Value == field)
            .Select(m => WebUtility.HtmlDecode(m.Groups[2].Value).Trim()).Where(m => m.Length > 0).Distinct().ToList();

    [GeneratedRegex(@"data-valmsg-for=""([^""]+)""[^>]*>(?:<span[^>]*>)?([^<]+)<")]
    private static partial Regex FieldMessage();
}
