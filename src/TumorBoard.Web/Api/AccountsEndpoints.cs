using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using TumorBoard.Application.Common.Models;
using TumorBoard.Application.Features.Accounts;

namespace TumorBoard.Web.Api;

/// <summary>Account administration (Administrator only, enforced by the pipeline) and the caller's own password.</summary>
public static class AccountsEndpoints
{
    public static RouteGroupBuilder MapAccountsEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapGet("/", List).WithName("ListAccounts");
        accounts.MapGet("/{id:guid}", Get).WithName("GetAccount");
        accounts.MapPost("/", Create).WithName("CreateAccount");
        accounts.MapPut("/{id:guid}", Update).WithName("UpdateAccount").WithMetadata(IfMatch.NotRequired.Instance);
        accounts.MapPost("/{id:guid}/deactivate", Deactivate).WithName("DeactivateAccount");
        accounts.MapPost("/{id:guid}/reactivate", Reactivate).WithName("ReactivateAccount");
        accounts.MapPost("/{id:guid}/reset-password", ResetPasswordOf).WithName("ResetPassword");
        accounts.MapPost("/me/password", ChangeOwn).WithName("ChangeOwnPassword");
        accounts.MapPut("/me/language", SetLanguage).WithName("SetOwnLanguage");
        return accounts;
    }

    static async Task<Ok<Paged<ListAccounts.Row>>> List([AsParameters] ListAccounts.Query query, ISender sender, CancellationToken ct)
        => TypedResults.Ok(await sender.Send(query, ct));

    static async Task<Ok<GetAccount.Result>> Get(Guid id, HttpResponse response, ISender sender, CancellationToken ct)
        => Respond(response, await sender.Send(new GetAccount.Query(id), ct));

    static async Task<Created<GetAccount.Result>> Create(CreateAccount.Command command, HttpResponse response, ISender sender, CancellationToken ct)
    {
        var account = await sender.Send(command, ct);
        ETags.Set(response, account.Version);
        return TypedResults.Created($"/api/v1/accounts/{account.Id}", account);
    }

    /// <summary>If-Match is checked when sent (412 when stale) but not required: see <see cref="UpdateAccount.Command.ExpectedVersion"/>.</summary>
    static async Task<Ok<GetAccount.Result>> Update(Guid id, UpdateAccount.Command command, IfMatch ifMatch, HttpResponse response,
        ISender sender, CancellationToken ct) =>
        Respond(response, await sender.Send(command with { Id = id, ExpectedVersion = ifMatch.Version }, ct));

    static Ok<GetAccount.Result> Respond(HttpResponse response, GetAccount.Result account)
    {
        ETags.Set(response, account.Version);
        return TypedResults.Ok(account);
    }

    static async Task<NoContent> Deactivate(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeactivateAccount.Command(id), ct);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> Reactivate(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new ReactivateAccount.Command(id), ct);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> ResetPasswordOf(Guid id, ResetPassword.Command command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command with { Id = id }, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Renews the security stamp: the token used for this call stops working; request a new one.</summary>
    static async Task<NoContent> ChangeOwn(ChangeOwnPassword.Command command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's language for the pages; the API itself answers in the request's Accept-Language.</summary>
    static async Task<NoContent> SetLanguage(SetOwnLanguage.Command command, ISender sender, CancellationToken ct)
    {
        await sender.Send(command, ct);
        return TypedResults.NoContent();
    }
}
