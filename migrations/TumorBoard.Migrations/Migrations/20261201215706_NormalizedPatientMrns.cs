using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class NormalizedPatientMrns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // tb_normalize_mrn: Mrn.Normalize in SQL (format characters removed, NFKC, dashes to '-', white space trimmed,
            // upper case, Cyrillic/Greek look-alikes to Latin). Used once below; kept for operators who check data by hand.
            migrationBuilder.Sql("""
                CREATE FUNCTION tb_normalize_mrn(entered text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $fn$
                  SELECT translate(upper(btrim(
                      regexp_replace(
                        normalize(regexp_replace(entered,
                          '[\u00AD\u0600-\u0605\u061C\u06DD\u070F\u08E2\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]',
                          '', 'g'), NFKC),
                        '[\u058A\u05BE\u1400\u1806\u2010-\u2015\u2212\u2E17\u2E1A\u2E3A\u2E3B\u2E40\u301C\u3030\u30A0\uFE31\uFE32\uFE58\uFE63\uFF0D]',
                        '-', 'g'),
                      E' \t\n\r\f\u000B\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000')),
                    'АВСЕНІЈКМОРЅТХУԚԜҮΑΒΕΖΗΙΚΜΝΟΡΤΥΧавсеніјкморѕтхуԛԝүαβεζηικμνορτυχ',
                    'ABCEHIJKMOPSTXYQWYABEZHIKMNOPTYXABCEHIJKMOPSTXYQWYABEZHIKMNOPTYX')
                $fn$;
                """);

            // Rewrites every stored MRN into its canonical form, each change with a chained audit row (AuditHash's canonical
            // text, computed here). Refuses, naming them, patients whose MRNs become equal (a duplicate registration to be
            // merged by a person) or that keep a character an MRN cannot have: the migration then stops and changes nothing.
            migrationBuilder.Sql("""
                CREATE FUNCTION tb_normalize_patient_mrns() RETURNS integer LANGUAGE plpgsql AS $fn$
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
            migrationBuilder.Sql("SELECT tb_normalize_patient_mrns();");

            migrationBuilder.AddCheckConstraint(
                name: "ck_patients_mrn_normalized",
                table: "patients",
                sql: "mrn ~ '^[A-Z0-9][A-Z0-9./-]*$'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_patients_mrn_normalized",
                table: "patients");
            // The MRNs stay in their canonical form: the originals are in the audit trail.
            migrationBuilder.Sql("DROP FUNCTION tb_normalize_patient_mrns();");
            migrationBuilder.Sql("DROP FUNCTION tb_normalize_mrn(text);");
        }
    }
}
