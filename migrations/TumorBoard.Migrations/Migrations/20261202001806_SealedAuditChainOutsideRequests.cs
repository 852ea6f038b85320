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

            // The MRN backfill of NormalizedPatientMrns wrote chained rows itself (lock, head, hash): now it only inserts.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION tb_normalize_patient_mrns() RETURNS integer LANGUAGE plpgsql AS $fn$
                DECLARE
                  dups text; bad text; r record; changed integer := 0; at timestamptz;
                BEGIN
                  SELECT string_agg(format('%s <- %s', key, mrns), '; ') INTO dups FROM (
                    SELECT tb_normalize_mrn(mrn) AS key, string_agg(quote_literal(mrn) || ' (' || id || ')', ', ' ORDER BY mrn) AS mrns
                    FROM patients GROUP BY 1 HAVING count(*) > 1) d;
                  IF dups IS NOT NULL THEN
                    RAISE EXCEPTION 'These patients have the same medical record number once invisible characters, spacing, case and look-alike letters are normalised: %. Merge or correct them, then migrate again.', dups;
                  END IF;
                  SELECT string_agg(quote_literal(mrn) || ' (' || id || ')', ', ') INTO bad FROM patients
                    WHERE tb_normalize_mrn(mrn) !~ '^[A-Z0-9][A-Z0-9./-]*$' OR char_length(tb_normalize_mrn(mrn)) > 32;
                  IF bad IS NOT NULL THEN
                    RAISE EXCEPTION 'These medical record numbers keep characters other than A-Z, 0-9 and - / . once normalised: %. Correct them, then migrate again.', bad;
                  END IF;

                  -- Audit rows are only inserted (ADR 0006): the queue trigger hands them to the sealer, which chains them.
                  at := date_trunc('microseconds', clock_timestamp());
                  FOR r IN SELECT id, mrn, tb_normalize_mrn(mrn) AS normalized FROM patients WHERE mrn <> tb_normalize_mrn(mrn) ORDER BY id LOOP
                    UPDATE patients SET mrn = r.normalized WHERE id = r.id;
                    INSERT INTO audit_entries (occurred_at, actor_id, actor_name, action, entity_type, entity_id, operation, changes)
                    VALUES (at, NULL, NULL, 'NormalizePatientMrns', 'Patient', r.id::text, 'Modified',
                            json_build_object('Mrn', json_build_object('old', r.mrn, 'new', r.normalized))::text);
                    changed := changed + 1;
                  END LOOP;
                  RETURN changed;
                END
                $fn$;
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

            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION tb_normalize_patient_mrns() RETURNS integer LANGUAGE plpgsql AS $fn$
                DECLARE
                  dups text; bad text; r record; changed integer := 0; prev text; row_id bigint; at timestamptz; diff text; canonical text;
                BEGIN
                  SELECT string_agg(format('%s <- %s', key, mrns), '; ') INTO dups FROM (
                    SELECT tb_normalize_mrn(mrn) AS key, string_agg(quote_literal(mrn) || ' (' || id || ')', ', ' ORDER BY mrn) AS mrns
                    FROM patients GROUP BY 1 HAVING count(*) > 1) d;
                  IF dups IS NOT NULL THEN
                    RAISE EXCEPTION 'These patients have the same medical record number once invisible characters, spacing, case and look-alike letters are normalised: %. Merge or correct them, then migrate again.', dups;
                  END IF;
                  SELECT string_agg(quote_literal(mrn) || ' (' || id || ')', ', ') INTO bad FROM patients
                    WHERE tb_normalize_mrn(mrn) !~ '^[A-Z0-9][A-Z0-9./-]*$' OR char_length(tb_normalize_mrn(mrn)) > 32;
                  IF bad IS NOT NULL THEN
                    RAISE EXCEPTION 'These medical record numbers keep characters other than A-Z, 0-9 and - / . once normalised: %. Correct them, then migrate again.', bad;
                  END IF;

                  PERFORM pg_advisory_xact_lock(6071487082122531889);   -- AuditChain.LockKey: append after every other writer
                  at := clock_timestamp();
                  FOR r IN SELECT id, mrn, tb_normalize_mrn(mrn) AS normalized FROM patients WHERE mrn <> tb_normalize_mrn(mrn) ORDER BY id LOOP
                    UPDATE patients SET mrn = r.normalized WHERE id = r.id;
                    SELECT hash INTO prev FROM audit_entries ORDER BY id DESC LIMIT 1;
                    row_id := nextval(pg_get_serial_sequence('audit_entries', 'id'));
                    diff := json_build_object('Mrn', json_build_object('old', r.mrn, 'new', r.normalized))::text;
                    -- AuditHash.Canonical: version line, then each field as "<UTF-16 length>:<value>\n" or "-\n" for null.
                    SELECT 'tumorboard-audit-v1' || E'\n' || string_agg(
                             CASE WHEN v IS NULL THEN '-'
                                  ELSE (char_length(v) + (SELECT count(*) FROM regexp_matches(v, '[\U00010000-\U0010FFFF]', 'g')))::text || ':' || v END
                             || E'\n', '' ORDER BY n)
                      INTO canonical
                      FROM unnest(ARRAY[row_id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), NULL, NULL,
                                        'NormalizePatientMrns', 'Patient', r.id::text, 'Modified', diff, prev]) WITH ORDINALITY AS f(v, n);
                    INSERT INTO audit_entries (id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, operation, changes, previous_hash, hash)
                    VALUES (row_id, at, NULL, NULL, 'NormalizePatientMrns', 'Patient', r.id::text, 'Modified', diff, prev,
                            encode(sha256(convert_to(canonical, 'UTF8')), 'hex'));
                    changed := changed + 1;
                  END LOOP;
                  RETURN changed;
                END
                $fn$;
                """);

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
