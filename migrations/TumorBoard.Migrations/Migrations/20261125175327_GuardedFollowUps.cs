using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TumorBoard.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class GuardedFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A follow-up belongs to the CURRENT signed decision. FOR SHARE waits for a signature that is superseding the
            // decision right now, then sees its new status: a follow-up racing an amendment's signature is refused (409)
            // instead of landing on the version that has just been replaced.
            migrationBuilder.Sql("""
                CREATE FUNCTION decision_follow_ups_on_current() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE current_status text;
                BEGIN
                    SELECT status INTO current_status FROM decisions WHERE id = NEW.decision_id FOR SHARE;
                    IF current_status IS DISTINCT FROM 'Signed' THEN
                        RAISE EXCEPTION 'decision % is %: follow-up is recorded on the current signed decision', NEW.decision_id, current_status;
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER decision_follow_ups_current_only
                    BEFORE INSERT ON decision_follow_ups
                    FOR EACH ROW EXECUTE FUNCTION decision_follow_ups_on_current();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS decision_follow_ups_current_only ON decision_follow_ups; DROP FUNCTION IF EXISTS decision_follow_ups_on_current();");
        }
    }
}
