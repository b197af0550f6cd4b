namespace Ingot.Data.Migrations;

/// <summary>
/// Before the unique index on <c>machines.hostname</c> (migration <c>UniqueHostnames</c>, both providers):
/// machines that share a hostname are renamed so that none does. The oldest (lowest id) keeps the name;
/// each later one gets the next free numbered name, <c>name-2</c>, <c>name-3</c>, … (a number already in
/// use by any machine is skipped). The renames are computed into a temporary table first and then applied,
/// so no rename sees another half-done. The names cannot collide with each other: <c>name-N</c> ends in the
/// number after its last '-', so two groups never produce the same one. The SQL is the same on SQLite and
/// PostgreSQL (window functions, a recursive CTE, <c>||</c> and <c>substr</c>).
/// </summary>
internal static class HostnameDeduplication
{
    /// <summary>For each duplicated name: how many machines share it and how many names start with <c>name-</c>.</summary>
    public const string ComputeRenames = """
        CREATE TEMPORARY TABLE hostname_renames AS
        WITH RECURSIVE
        shared AS (
            SELECT g.hostname AS hostname, COUNT(*) AS sharing,
                (SELECT COUNT(*) FROM machines o
                 WHERE substr(o.hostname, 1, length(g.hostname) + 1) = g.hostname || '-') AS numbered
            FROM machines g
            GROUP BY g.hostname
            HAVING COUNT(*) > 1),
        numbers (hostname, n, upto) AS (
            SELECT hostname, 2, sharing + numbered FROM shared
            UNION ALL
            SELECT hostname, n + 1, upto FROM numbers WHERE n < upto),
        free AS (
            SELECT hostname, hostname || '-' || n AS name,
                ROW_NUMBER() OVER (PARTITION BY hostname ORDER BY n) AS k
            FROM numbers
            WHERE NOT EXISTS (SELECT 1 FROM machines o WHERE o.hostname = numbers.hostname || '-' || numbers.n)),
        later AS (
            SELECT id, hostname, ROW_NUMBER() OVER (PARTITION BY hostname ORDER BY id) - 1 AS k
            FROM machines
            WHERE hostname IN (SELECT hostname FROM shared))
        SELECT later.id AS id, free.name AS name
        FROM later JOIN free ON free.hostname = later.hostname AND free.k = later.k
        WHERE later.k > 0;
        """;

    public const string ApplyRenames = """
        UPDATE machines SET hostname = (SELECT r.name FROM hostname_renames r WHERE r.id = machines.id)
        WHERE id IN (SELECT id FROM hostname_renames);
        """;

    public const string DropRenames = "DROP TABLE hostname_renames;";
}
