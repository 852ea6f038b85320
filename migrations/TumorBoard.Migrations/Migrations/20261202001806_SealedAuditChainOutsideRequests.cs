using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <summary>
    /// ADR 0006: the hash chain moves out of audit_entries into the insert-only audit_seals, written by the elected
    /// sealer after commit; request transactions only insert audit rows (no lock, no read of the chain's head).
    /// </summary>
    public partial class SealedAuditChainOutsideRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_seals",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false),
                    entry_id = table.Column<long>(type: "bigint", nullable: false),
                    previous_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    sealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_seals", x => x.position);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_seals_entry_id",
                table: "audit_seals",
                column: "entry_id",
                unique: true);

            migrationBuilder.Sql("""
                -- The chain so far (in id order under the old global lock) becomes positions 1..n, hashes unchanged: the
                -- canonical form is the same, only the link now lives in the seal. Signed checkpoints stay valid.
                INSERT INTO audit_seals (position, entry_id, previous_hash, hash, sealed_at)
                SELECT row_number() OVER (ORDER BY id), id, previous_hash, hash, now()
                  FROM audit_entries WHERE hash IS NOT NULL;

                -- The queue of committed rows the sealer has not linked yet. Filled by a statement trigger in the
                -- inserting transaction, so a row is queued exactly when it commits, whatever its id.
                CREATE TABLE audit_pending (entry_id bigint PRIMARY KEY);
                -- Rows from before the chain began (never hashed) are sealed after the chain so far.
                INSERT INTO audit_pending (entry_id) SELECT id FROM audit_entries WHERE hash IS NULL;

                CREATE FUNCTION audit_entries_queue_for_sealing() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO audit_pending (entry_id) SELECT id FROM inserted;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER audit_entries_queue_for_sealing AFTER INSERT ON audit_entries
                    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_queue_for_sealing();

                -- Seals are insert-only, like the rows they seal: the app role (the sealer) may only add them.
                CREATE FUNCTION audit_seals_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'audit_seals is append-only: % is not allowed', TG_OP;
                END $$;
                CREATE TRIGGER audit_seals_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_seals
                    FOR EACH ROW EXECUTE FUNCTION audit_seals_append_only();
                CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

                GRANT SELECT, INSERT ON audit_seals TO tumorboard_app;
                REVOKE UPDATE, DELETE, TRUNCATE ON audit_seals FROM tumorboard_app;
                -- The queue is work, not record: an ordinary table; the sealer removes what it sealed.
                GRANT SELECT, INSERT, UPDATE, DELETE ON audit_pending TO tumorboard_app;
                """);

            migrationBuilder.DropColumn(
                name: "hash",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                table: "audit_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "audit_entries",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_hash",
                table: "audit_entries",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            // The links go back into the rows (as the owner, past the append-only trigger). The old verifier walks in id
            // order: rows sealed out of id order no longer verify there, and rows never sealed stay unhashed.
            migrationBuilder.Sql("""
                ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete;
                UPDATE audit_entries e SET hash = s.hash, previous_hash = s.previous_hash FROM audit_seals s WHERE s.entry_id = e.id;
                ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete;
                DROP TRIGGER IF EXISTS audit_entries_queue_for_sealing ON audit_entries;
                DROP FUNCTION IF EXISTS audit_entries_queue_for_sealing();
                DROP TABLE IF EXISTS audit_pending;
                DROP TRIGGER IF EXISTS audit_seals_no_update_or_delete ON audit_seals;
                DROP TRIGGER IF EXISTS audit_seals_no_truncate ON audit_seals;
                DROP FUNCTION IF EXISTS audit_seals_append_only();
                """);

            migrationBuilder.DropTable(
                name: "audit_seals");
        }
    }
}
