# script-plan.awk: orders script-list.awk's lines as maas-run-remote-scripts runs them and numbers the
# groups that run together. Input: script-list.awk's lines. Output: GROUP<TAB> followed by the input line.
# Order: the scripts that run alone (parallel 0, "disabled") first, then those that run alongside other
# instances of the same script (1, "instance"), then those that run alongside anything (2, "any"); within
# each, by hardware type (cpu 1, memory 2, storage 3, network 4, node 0 last) and name, index order last.
# Groups: each disabled script is its own group, the instances of one name are one group, every "any"
# script is in one group. A group starts when the one before it has finished.
BEGIN { FS = "\t" }
NF >= 8 {
    parallel = $7 + 0; if (parallel < 0 || parallel > 2) parallel = 0
    hw = $8 + 0; if (hw == 0) hw = 99
    n++; line[n] = $0; phase[n] = parallel
    key[n] = sprintf("%d\t%02d\t%s\t%06d", parallel, hw, $1, n)
}
END {
    for (i = 2; i <= n; i++) {
        k = key[i]; l = line[i]; p = phase[i]
        for (j = i - 1; j >= 1 && key[j] > k; j--) { key[j + 1] = key[j]; line[j + 1] = line[j]; phase[j + 1] = phase[j] }
        key[j + 1] = k; line[j + 1] = l; phase[j + 1] = p
    }
    group = 0; last = ""
    for (i = 1; i <= n; i++) {
        split(line[i], f, "\t")
        this = phase[i] == 0 ? "serial" i : phase[i] == 1 ? "instance\t" f[1] : "any"
        if (this != last) { group++; last = this }
        print group "\t" line[i]
    }
}
