namespace Ingot.Client;

/// <summary>
/// <c>ingot completion bash</c> prints a bash completion function that asks <c>ingot __complete WORDS…</c>
/// for candidates: commands and profile names first, then a profile's resources, actions and parameter keys.
/// </summary>
public static class ShellCompletion
{
    public const string Bash = """
        # bash completion for ingot: eval "$(ingot completion bash)"
        _ingot() {
            local cur="${COMP_WORDS[COMP_CWORD]}"
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(ingot __complete "${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null)" -- "$cur"))
            [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace
        }
        complete -F _ingot ingot

        """;

    public static IEnumerable<string> Candidates(IReadOnlyList<string> words, IEnumerable<string> commands, ProfileStore profiles)
    {
        if (words.Count == 0)
        {
            return commands.Concat(profiles.List().Select(p => p.Name));
        }

        return profiles.Find(words[0]) is { } profile ? ProfileCommand.Complete(profile, [.. words.Skip(1), ""]) : [];
    }
}
