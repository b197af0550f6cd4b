namespace Ingot.Core.Scripts;

/// <summary>
/// Python's <c>fnmatch</c> on POSIX (case-sensitive): <c>*</c> any run, <c>?</c> one character,
/// <c>[seq]</c> / <c>[!seq]</c> a character in / not in the set (ranges <c>a-z</c>); an unclosed
/// <c>[</c> is a literal. Iterative with backtracking to the last <c>*</c>, so no pattern is exponential.
/// </summary>
public static class Glob
{
    public static bool IsMatch(string pattern, string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
                continue;
            }

            if (p < pattern.Length && Single(pattern, p, text[t]) is int next)
            {
                p = next;
                t++;
                continue;
            }

            if (starP < 0)
            {
                return false;
            }

            p = starP + 1;
            t = ++starT;
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>The pattern index after the element at <paramref name="p"/> when it matches <paramref name="c"/>, else null.</summary>
    private static int? Single(string pattern, int p, char c)
    {
        char head = pattern[p];
        if (head == '?')
        {
            return p + 1;
        }

        if (head == '[' && Close(pattern, p) is int close)
        {
            int i = p + 1;
            bool negate = pattern[i] == '!';
            i += negate ? 1 : 0;
            bool found = false;
            for (; i < close; i++)
            {
                if (i + 2 < close && pattern[i + 1] == '-')
                {
                    found |= c >= pattern[i] && c <= pattern[i + 2];
                    i += 2;
                }
                else
                {
                    found |= c == pattern[i];
                }
            }

            return found != negate ? close + 1 : null;
        }

        return head == c ? p + 1 : null;
    }

    /// <summary>The index of the <c>]</c> closing the set opened at <paramref name="open"/> (a <c>]</c> first in the set is a member), or null.</summary>
    private static int? Close(string pattern, int open)
    {
        int j = open + 1;
        if (j < pattern.Length && pattern[j] == '!')
        {
            j++;
        }

        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }

        int close = j < pattern.Length ? pattern.IndexOf(']', j) : -1;
        return close < 0 ? null : close;
    }
}
