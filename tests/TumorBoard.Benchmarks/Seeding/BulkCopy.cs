using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace TumorBoard.Benchmarks.Seeding;

/// <summary>
/// Writes entities with Npgsql binary COPY, column by column as the app's EF Core model maps them (table and column
/// names, value converters, store types), so the seeder never restates the schema. The row version (xmin) is the
/// server's; everything else comes from the entity.
/// </summary>
public sealed class BulkCopy(IModel model)
{
    sealed record Column(string Name, NpgsqlDbType Type, Func<object, object?> Read);

    readonly Dictionary<Type, (string Table, Column[] Columns)> plans = [];

    public string TableOf<T>() => Plan(typeof(T)).Table;

    (string Table, Column[] Columns) Plan(Type clr)
    {
        if (plans.TryGetValue(clr, out var plan)) return plan;
        var entity = model.FindEntityType(clr) ?? throw new InvalidOperationException($"{clr.Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(store) is { } n && n != "xmin")
            .Select(p => new Column(p.GetColumnName(store)!, TypeOf(p.GetColumnType()), Reader(p)))
            .ToArray();
        return plans[clr] = (table, columns);
    }

    public async Task<long> CopyAsync<T>(NpgsqlConnection conn, IEnumerable<T> rows, CancellationToken ct = default) where T : notnull
    {
        var (table, columns) = Plan(typeof(T));
        var sql = $"COPY {Quote(table)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await conn.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var c in columns)
            {
                var value = c.Read(row);
                if (value is null) importer.WriteNull();
                else importer.Write(value, c.Type);
            }
        }
        return (long)await importer.CompleteAsync(ct);
    }

    static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>The CLR value as the provider stores it: through the property's value converter, timestamps in UTC.</summary>
    static Func<object, object?> Reader(IProperty p)
    {
        var member = (System.Reflection.MemberInfo?)p.PropertyInfo ?? p.FieldInfo
            ?? throw new InvalidOperationException($"{p.DeclaringType.DisplayName()}.{p.Name} is a shadow property: the seeder cannot read it.");
        var param = Expression.Parameter(typeof(object));
        var body = Expression.Convert(Expression.MakeMemberAccess(Expression.Convert(param, member.DeclaringType!), member), typeof(object));
        var get = Expression.Lambda<Func<object, object?>>(body, param).Compile();
        var converter = p.GetValueConverter() ?? p.GetTypeMapping().Converter;
        return converter is null
            ? row => Utc(get(row))
            : row => get(row) is { } v ? Utc(converter.ConvertToProvider(v)) : null;
    }

    static object? Utc(object? v) => v is DateTimeOffset t ? t.ToUniversalTime() : v;

    static NpgsqlDbType TypeOf(string storeType)
    {
        var t = storeType.ToLowerInvariant();
        var paren = t.IndexOf('(');
        if (paren > 0) t = t[..paren].Trim();
        return t switch
        {
            "text" or "character varying" or "varchar" or "character" or "char" => NpgsqlDbType.Text,
            "uuid" => NpgsqlDbType.Uuid,
            "integer" or "int" or "int4" => NpgsqlDbType.Integer,
            "bigint" or "int8" => NpgsqlDbType.Bigint,
            "smallint" or "int2" => NpgsqlDbType.Smallint,
            "boolean" or "bool" => NpgsqlDbType.Boolean,
            "timestamp with time zone" or "timestamptz" => NpgsqlDbType.TimestampTz,
            "date" => NpgsqlDbType.Date,
            "numeric" => NpgsqlDbType.Numeric,
            "double precision" => NpgsqlDbType.Double,
            "real" => NpgsqlDbType.Real,
            "jsonb" => NpgsqlDbType.Jsonb,
            "bytea" => NpgsqlDbType.Bytea,
            _ => throw new InvalidOperationException($"The seeder has no COPY mapping for the store type '{storeType}'."),
        };
    }
}
