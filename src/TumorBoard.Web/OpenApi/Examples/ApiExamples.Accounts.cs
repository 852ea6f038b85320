using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Accounts;
using TumorBoard.Domain.Security;
using TumorBoard.Web.Api;

namespace TumorBoard.Web.OpenApi.Examples;

public static partial class ApiExamples
{
    public static readonly Guid NeurosurgeonId = new("0f4b7e2c-6a19-4d83-b5e0-8c3d1a9f2b76");
    public const string NeurosurgeonName = "Dr. med. Jonas Weber";
    public static readonly Guid RadiationOncologistId = new("7c2e9a5d-3f81-4b6c-9d40-e1a8b2c7f053");
    public const string RadiationOncologistName = "Dr. med. Claire Dubois";
    public static readonly Guid MedicalOncologistId = new("b9d4f1a6-2e7c-4083-a5b1-6f3e8c0d9a27");
    public const string MedicalOncologistName = "Dr. med. Sophie Marti";
    public static readonly Guid CoordinatorId = new("3e8a1c5f-9b27-4d60-8f4e-2a7b9c1d6e08");
    public const string CoordinatorName = "Lea Brunner";

    static void AccountExamples()
    {
        Request("IssueToken", new AuthEndpoints.TokenRequest("jonas.weber@ksz.example", "Lumbar-Fusion-Rounds-2026!"));
        Response(new AuthEndpoints.TokenResponse("CfDJ8Kq3v9Xb2WzN7yF0rT1aLmP4sHcE6uJgQdYi5oVk8nRwMzBtA", 3600));

        var create = new CreateAccount.Command
        {
            Email = "jonas.weber@ksz.example", DisplayName = NeurosurgeonName, Roles = [Roles.Specialist],
            Discipline = Discipline.Neurosurgery, Password = "Lumbar-Fusion-Rounds-2026!",
        };
        Request("CreateAccount", create);
        var update = new UpdateAccount.Command
        {
            DisplayName = NeurosurgeonName, Roles = [Roles.Specialist, Roles.Clinician], Discipline = Discipline.Neurosurgery,
            RoleChangeReason = "Also presents his own spine clinic's cases to the board from January.",
        };
        Request("UpdateAccount", update, update with { Id = NeurosurgeonId, ExpectedVersion = (VersionMatch)5120u });
        var reset = new ResetPassword.Command { NewPassword = "Thoracic-Rounds-Tuesday-77" };
        Request("ResetPassword", reset, reset with { Id = NeurosurgeonId });
        Request("ChangeOwnPassword", new ChangeOwnPassword.Command
        {
            CurrentPassword = "Lumbar-Fusion-Rounds-2026!", NewPassword = "Pedicle-Screws-And-Coffee-9",
            ConfirmNewPassword = "Pedicle-Screws-And-Coffee-9",
        });
        Request("SetOwnLanguage", new SetOwnLanguage.Command { Culture = "fr-CH" });

        Response(new GetAccount.Result(NeurosurgeonId, "jonas.weber@ksz.example", NeurosurgeonName, [Roles.Specialist],
            Discipline.Neurosurgery, IsActive: true, IsLockedOut: false, new DateTimeOffset(2026, 9, 14, 7, 45, 0, TimeSpan.Zero), 5120));
        Response(new Paged<ListAccounts.Row>(
            [
                new ListAccounts.Row(RadiationOncologistId, "claire.dubois@ksz.example", RadiationOncologistName, [Roles.Specialist],
                    Discipline.RadiationOncology, true),
                new ListAccounts.Row(CoordinatorId, "lea.brunner@ksz.example", CoordinatorName, [Roles.Coordinator], null, true),
                new ListAccounts.Row(NeurosurgeonId, "jonas.weber@ksz.example", NeurosurgeonName, [Roles.Specialist],
                    Discipline.Neurosurgery, true),
            ], 1, 25, 3));
    }
}
