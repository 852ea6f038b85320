using FluentValidation;

namespace TumorBoard.Application.Common.Models;

/// <summary>One page of a list, with what a client needs to page on.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < TotalPages;
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

/// <summary>The paging part every list query shares (?page=&amp;pageSize=).</summary>
public abstract record PagedQuery
{
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? Paging.DefaultPageSize;
    public int Skip => (PageNumber - 1) * Size;
}

public sealed class PagedQueryValidator : AbstractValidator<PagedQuery>
{
    public PagedQueryValidator()
    {
        RuleFor(q => q.PageNumber).GreaterThanOrEqualTo(1).OverridePropertyName("page");
        RuleFor(q => q.Size).InclusiveBetween(1, Paging.MaxPageSize).OverridePropertyName("pageSize");
    }
}
