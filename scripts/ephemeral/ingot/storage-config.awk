# storage-config.awk: the items of a curtin config's storage.config (block-style YAML as Ingot writes
# it: "  - key: value" starts an item, "    key: value" continues it), one line an item, its scalar
# fields as tab-separated key=value with quotes removed; a list field ("    devices:" then "    - a" lines,
# as a volume group's or a RAID's members) as key=a,b. Used by install.sh to lay out the disks.
function value(v) {
    sub(/^[ \t]+/, "", v); sub(/[ \t]+$/, "", v)
    if (v ~ /^".*"$/) v = substr(v, 2, length(v) - 2)
    return v
}
function flush(    k) {
    for (k in list) item = (item == "" ? "" : item "\t") k "=" list[k]
    if (item != "") print item
    item = ""; lk = ""; split("", list)
}
/^storage:/ { s = 1; next }
s && /^[^ ]/ { s = 0; c = 0; flush() }
s && /^  config:/ { c = 1; next }
s && c && /^  [^ -]/ { c = 0; flush() }
s && c && /^  - / { flush(); line = substr($0, 5) }
s && c && /^    [^ -]/ { line = substr($0, 5); lk = "" }
s && c && /^    [^ -][^:]*:[ \t]*$/ { lk = substr($0, 5); sub(/:.*/, "", lk); line = "" }
s && c && lk != "" && /^    - / { v = value(substr($0, 7)); if (lk in list) v = list[lk] "," v; list[lk] = v; next }
s && c && line != "" {
    k = line; sub(/:.*/, "", k)
    v = line; sub(/^[^:]*:/, "", v)
    v = value(v)
    if (v != "") item = (item == "" ? "" : item "\t") k "=" v
    line = ""
}
END { flush() }
