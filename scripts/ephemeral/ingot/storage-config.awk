# storage-config.awk: the items of a curtin config's storage.config (block-style YAML as Ingot writes
# it: "  - key: value" starts an item, "    key: value" continues it), one line an item, its scalar
# fields as tab-separated key=value with quotes removed. Used by install.sh to lay out a disk.
function value(v) {
    sub(/^[ \t]+/, "", v); sub(/[ \t]+$/, "", v)
    if (v ~ /^".*"$/) v = substr(v, 2, length(v) - 2)
    return v
}
function flush() { if (item != "") print item; item = "" }
/^storage:/ { s = 1; next }
s && /^[^ ]/ { s = 0; c = 0; flush() }
s && /^  config:/ { c = 1; next }
s && c && /^  [^ -]/ { c = 0; flush() }
s && c && /^  - / { flush(); line = substr($0, 5) }
s && c && /^    [^ -]/ { line = substr($0, 5) }
s && c && line != "" {
    k = line; sub(/:.*/, "", k)
    v = line; sub(/^[^:]*:/, "", v)
    v = value(v)
    if (v != "") item = (item == "" ? "" : item "\t") k "=" v
    line = ""
}
END { flush() }
