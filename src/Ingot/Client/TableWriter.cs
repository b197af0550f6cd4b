using System.Text;

namespace Ingot.Client;

/// <summary>Writes rows as an aligned plain-text table with a header line.</summary>
public static class TableWriter
{
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, Func<int, string, string>? paint = null)
    {
        int[] widths = [.. headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max())];
        var text = new StringBuilder();
        AppendRow(text, headers, widths, null);
        foreach (IReadOnlyList<string> row in rows)
        {
            AppendRow(text, row, widths, paint);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths, Func<int, string, string>? paint)
    {
        for (int i = 0; i < cells.Count; i++)
        {
            string cell = i == cells.Count - 1 ? cells[i] : cells[i].PadRight(widths[i]);
            text.Append(paint is null ? cell : paint(i, cell));
            if (i < cells.Count - 1)
            {
                text.Append("  ");
            }
        }

        text.Append('\n');
    }
}
