using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Common;
using TumorBoard.Domain.Security;
using TumorBoard.IntegrationTests.Infrastructure;

namespace TumorBoard.IntegrationTests.Accounts;

[Collection(AuditDatabase.Name)]
public sealed class AccountSliceTests(AppFixture app) : DatabaseTest(app)
{
    [Fact]
    public async Task Creates_a_specialist_with_one_discipline_and_audits_it_without_the_password_hash()
    {
        var (id, email) = await Accounts.CreateAsync(app, [Roles.Specialist, Roles.Coordinator], Discipline.Neurosurgery);

        var account = await app.Send(AppFixture.Admin, new GetAccount.Query(id));
        account.Email.ShouldBe(email);
        account.Roles.ShouldBe([Roles.Coordinator, Roles.Specialist]);
        account.Discipline.ShouldBe(Discipline.Neurosurgery);
        account.IsActive.ShouldBeTrue();

        var hash = await app.QueryDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash!).SingleAsync());
        var audit = await app.QueryDbAsync(db => db.AuditEntries.Where(a => a.EntityId.StartsWith(id.ToString())).ToListAsync());
        audit.ShouldNotBeEmpty();
        audit.ShouldAllBe(a => a.Action == "CreateAccount");
        audit.ShouldContain(a => a.EntityType == "AppUser" && a.Operation == "Added");
        audit.ShouldAllBe(a => !a.Changes.Contains("PasswordHash") && !a.Changes.Contains(hash));
        audit[0].ActorId.ShouldBe(await app.UserIdAsync(AppFixture.Admin));
    }

    [Fact]
    public async Task Rejects_a_specialist_without_a_discipline_and_a_clinician_with_one()
    {
        var noDiscipline = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(AppFixture.Admin, Accounts.Create(roles: [Roles.Specialist])));
        noDiscipline.Errors.ShouldContain(e => e.PropertyName == "Discipline" && e.ErrorMessage == "A specialist needs exactly one discipline.");

        var extraDiscipline = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(AppFixture.Admin, Accounts.Create(roles: [Roles.Clinician], discipline: Discipline.Pathology)));
        extraDiscipline.Errors.ShouldContain(e => e.PropertyName == "Discipline" && e.ErrorMessage == "Only a specialist has a discipline.");
    }

    [Fact]
    public async Task Rejects_a_short_password_an_unknown_role_no_role_and_a_taken_email_and_stores_nothing()
    {
        var before = await app.QueryDbAsync(db => db.Users.CountAsync());
        var bad = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin,
            Accounts.Create(email: AppFixture.Coordinator, roles: ["Surgeon"]) with { Password = "short" }));
        bad.Errors.ShouldContain(e => e.PropertyName == "Password" && e.ErrorMessage.Contains("12"));
        bad.Errors.ShouldContain(e => e.PropertyName == "Roles");
        bad.Errors.ShouldContain(e => e.PropertyName == "Email");

        var none = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, Accounts.Create(roles: [])));
        none.Errors.ShouldContain(e => e.PropertyName == "Roles" && e.ErrorMessage == "Choose at least one role.");
        (await app.QueryDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task Updates_roles_and_discipline_and_renews_the_security_stamp()
    {
        var (id, _) = await Accounts.CreateAsync(app);
        var stamp = await StampAsync(id);

        await app.Send(AppFixture.Admin, new UpdateAccount.Command
        {
            Id = id, DisplayName = "Dr. New Name", Roles = [Roles.Specialist], Discipline = Discipline.RadiationOncology,
            RoleChangeReason = "Joined the radiation oncology service",
        });

        var account = await app.Send(AppFixture.Admin, new GetAccount.Query(id));
        (account.DisplayName, account.Discipline).ShouldBe(("Dr. New Name", Discipline.RadiationOncology));
        account.Roles.ShouldBe([Roles.Specialist]);
        (await StampAsync(id)).ShouldNotBe(stamp);
        (await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "UpdateAccount"))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_administrator_cannot_remove_their_own_administrator_role_or_deactivate_themself()
    {
        var adminId = await app.UserIdAsync(AppFixture.Admin);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Admin,
            new UpdateAccount.Command { Id = adminId, DisplayName = "Ada", Roles = [Roles.Coordinator], RoleChangeReason = "Moving to the clinic" }));
        await Should.ThrowAsync<DomainConflictException>(() => app.Send(AppFixture.Admin, new DeactivateAccount.Command(adminId)));
        (await app.Send(AppFixture.Admin, new GetAccount.Query(adminId))).Roles.ShouldBe([Roles.Administrator]);
    }

    [Fact]
    public async Task An_administrator_cannot_grant_themself_a_clinical_role_nor_change_any_own_role()
    {
        var adminId = await app.UserIdAsync(AppFixture.Admin);
        var self = new UpdateAccount.Command { Id = adminId, DisplayName = "Ada Administrator", RoleChangeReason = "Covering for the coordinator" };
        // With Administrator kept the combination is refused first (400), without it the self-change (403).
        (await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, self with { Roles = [Roles.Administrator, Roles.Coordinator] })))
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Roles");
        (await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Admin, self with { Roles = [Roles.Clinician] })))
            .Message.ShouldBe("You cannot change your own roles or discipline: another administrator can.");

        // Another administrator's roles are equally out of reach for their own account, and the name can still be changed.
        var (otherAdmin, otherEmail) = await Accounts.CreateAsync(app, [Roles.Administrator]);
        await Should.ThrowAsync<ForbiddenException>(() => app.Send(otherEmail,
            self with { Id = otherAdmin, Roles = [Roles.Clinician], DisplayName = "Otto Other" }));
        await app.Send(AppFixture.Admin, self with { Roles = [Roles.Administrator], RoleChangeReason = null, DisplayName = "Ada Administrator" });
        (await app.Send(AppFixture.Admin, new GetAccount.Query(adminId))).Roles.ShouldBe([Roles.Administrator]);
        (await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == AccountRules.RolesAuditEntity && a.EntityId == adminId.ToString())))
            .ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Specialist)]
    [InlineData(Roles.Clinician)]
    public async Task Administrator_is_never_combined_with_a_clinical_role_on_creating_or_updating(string clinical)
    {
        var discipline = clinical == Roles.Specialist ? Discipline.Neurosurgery : (Discipline?)null;
        var before = await app.QueryDbAsync(db => db.Users.CountAsync());
        var create = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(AppFixture.Admin, Accounts.Create(roles: [clinical, Roles.Administrator], discipline: discipline)));
        create.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldStartWith("An administrator account holds no clinical role");
        (await app.QueryDbAsync(db => db.Users.CountAsync())).ShouldBe(before);

        var (id, _) = await Accounts.CreateAsync(app, [clinical], discipline);
        var update = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, new UpdateAccount.Command
            { Id = id, DisplayName = "Test Person", Roles = [clinical, Roles.Administrator], Discipline = discipline, RoleChangeReason = "x" }));
        update.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Roles");
        (await app.Send(AppFixture.Admin, new GetAccount.Query(id))).Roles.ShouldBe([clinical]);
    }

    [Fact]
    public async Task A_role_change_needs_a_reason_and_is_audited_with_who_whose_before_after_and_why()
    {
        var (id, _) = await Accounts.CreateAsync(app, [Roles.Clinician]);
        var change = new UpdateAccount.Command
            { Id = id, DisplayName = "Test Person", Roles = [Roles.Coordinator, Roles.Clinician], RoleChangeReason = "  " };
        var missing = await Should.ThrowAsync<ValidationException>(() => app.Send(AppFixture.Admin, change));
        missing.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("RoleChangeReason");
        (await app.Send(AppFixture.Admin, new GetAccount.Query(id))).Roles.ShouldBe([Roles.Clinician]);

        // A name change alone needs none.
        await app.Send(AppFixture.Admin, change with { Roles = [Roles.Clinician], RoleChangeReason = null, DisplayName = "Renamed Person" });
        await app.Send(AppFixture.Admin, change with { RoleChangeReason = " Takes over the board's scheduling " });

        var rows = await app.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == AccountRules.RolesAuditEntity && a.EntityId == id.ToString()).OrderBy(a => a.Id).ToListAsync());
        rows.Select(r => (r.Action, r.Operation)).ShouldBe([("CreateAccount", "Added"), ("UpdateAccount", "Modified")]);
        var changed = rows[1];
        changed.ActorId.ShouldBe(await app.UserIdAsync(AppFixture.Admin));
        changed.ActorName.ShouldBe("Ada Administrator");
        await app.SealPendingAsync();
        (await app.QueryDbAsync(db => db.AuditSeals.AnyAsync(s => s.EntryId == changed.Id))).ShouldBeTrue();
        var json = System.Text.Json.JsonDocument.Parse(changed.Changes).RootElement;
        json.GetProperty("Roles").GetProperty("old").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Clinician]);
        json.GetProperty("Roles").GetProperty("new").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Clinician, Roles.Coordinator]);
        json.GetProperty("Reason").GetString().ShouldBe("Takes over the board's scheduling");
        json.TryGetProperty("Discipline", out _).ShouldBeFalse();
        // The same transaction wrote Identity's own user_roles row.
        (await app.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "UpdateAccount" && a.EntityType.StartsWith("IdentityUserRole"))))
            .ShouldBe(1);
        (await app.Send(AppFixture.Admin, new Application.Features.Audit.VerifyAuditTrail.Query())).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task A_discipline_change_is_audited_like_a_role_change()
    {
        var (id, _) = await Accounts.CreateAsync(app, [Roles.Specialist], Discipline.MedicalOncology);
        await app.Send(AppFixture.Admin, new UpdateAccount.Command
        {
            Id = id, DisplayName = "Test Person", Roles = [Roles.Specialist], Discipline = Discipline.RadiationOncology,
            RoleChangeReason = "Changed service",
        });
        var row = await app.QueryDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == AccountRules.RolesAuditEntity && a.Operation == "Modified"));
        var json = System.Text.Json.JsonDocument.Parse(row.Changes).RootElement;
        json.GetProperty("Discipline").GetProperty("old").GetString().ShouldBe("MedicalOncology");
        json.GetProperty("Discipline").GetProperty("new").GetString().ShouldBe("RadiationOncology");
    }

    [Fact]
    public async Task No_seeded_account_combines_administration_with_clinical_work()
    {
        var all = await app.Send(AppFixture.Admin, new ListAccounts.Query { PageSize = 100 });
        all.Items.ShouldNotBeEmpty();
        all.Items.ShouldAllBe(a => !Roles.CombineAdministrationWithClinicalWork(a.Roles));
    }

    [Fact]
    public async Task Deactivates_and_reactivates_an_account_renewing_the_stamp_on_deactivation()
    {
        var (id, _) = await Accounts.CreateAsync(app);
        var stamp = await StampAsync(id);

        await app.Send(AppFixture.Admin, new DeactivateAccount.Command(id));
        (await app.Send(AppFixture.Admin, new GetAccount.Query(id))).IsActive.ShouldBeFalse();
        (await StampAsync(id)).ShouldNotBe(stamp);
        (await app.QueryDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "DeactivateAccount" && a.EntityId == id.ToString()))).ShouldBeTrue();

        await app.Send(AppFixture.Admin, new ReactivateAccount.Command(id));
        (await app.Send(AppFixture.Admin, new GetAccount.Query(id))).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task Resets_a_password_so_the_new_one_works_and_rejects_a_short_one()
    {
        var (id, email) = await Accounts.CreateAsync(app);
        var stamp = await StampAsync(id);
        var failure = await Should.ThrowAsync<ValidationException>(() =>
            app.Send(AppFixture.Admin, new ResetPassword.Command { Id = id, NewPassword = "too-short" }));
        failure.Errors.ShouldContain(e => e.PropertyName == "NewPassword");

        await app.Send(AppFixture.Admin, new ResetPassword.Command { Id = id, NewPassword = "A-brand-new-password-9" });
        (await StampAsync(id)).ShouldNotBe(stamp);
        (await app.RequestTokenAsync(email, "A-brand-new-password-9")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Changes_the_own_password_only_with_the_right_current_one_and_a_matching_confirmation()
    {
        var (_, email) = await Accounts.CreateAsync(app);
        var wrong = await Should.ThrowAsync<ValidationException>(() => app.Send(email, new ChangeOwnPassword.Command
            { CurrentPassword = "not-my-password-at-all", NewPassword = "My-new-password-77", ConfirmNewPassword = "My-new-password-77" }));
        wrong.Errors.ShouldContain(e => e.PropertyName == "CurrentPassword");

        var mismatch = await Should.ThrowAsync<ValidationException>(() => app.Send(email, new ChangeOwnPassword.Command
            { CurrentPassword = Accounts.Password, NewPassword = "My-new-password-77", ConfirmNewPassword = "My-new-password-78" }));
        mismatch.Errors.ShouldContain(e => e.PropertyName == "ConfirmNewPassword");

        await app.Send(email, new ChangeOwnPassword.Command
            { CurrentPassword = Accounts.Password, NewPassword = "My-new-password-77", ConfirmNewPassword = "My-new-password-77" });
        (await app.RequestTokenAsync(email, "My-new-password-77")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Lists_accounts_a_page_at_a_time_and_only_for_administrators()
    {
        for (var i = 0; i < 3; i++) await Accounts.CreateAsync(app);
        var first = await app.Send(AppFixture.Admin, new ListAccounts.Query { Text = "@example.test", PageSize = 2 });
        first.Items.Count.ShouldBe(2);
        first.TotalCount.ShouldBeGreaterThanOrEqualTo(3);
        first.HasNext.ShouldBeTrue();
        first.Items.ShouldAllBe(r => r.Roles.Contains(Roles.Clinician));

        await Should.ThrowAsync<ForbiddenException>(() => app.Send(AppFixture.Coordinator, new ListAccounts.Query()));
        await Should.ThrowAsync<UnauthorizedAccessException>(() => app.Send(null, new ListAccounts.Query()));
    }

    Task<string?> StampAsync(Guid id) =>
        app.QueryDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
}
