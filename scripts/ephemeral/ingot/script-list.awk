# script-list.awk: reads flatten-json.awk's lines of a maas-scripts index.json and prints one line per
# script of the set named by -v set=commissioning|testing|release, in index order:
#   NAME<TAB>PATH<TAB>SCRIPT_RESULT_ID<TAB>SCRIPT_VERSION_ID<TAB>TIMEOUT_SECONDS<TAB>HAS_FINISHED<TAB>PARALLEL<TAB>HARDWARE_TYPE<TAB>ARGS
# PARALLEL is MAAS's number (0 disabled, 1 instance, 2 any; 0 when the index has none), HARDWARE_TYPE too
# (0 node, 1 cpu, 2 memory, 3 storage, 4 network).
# ARGS are the script's parameters as maas-run-remote-scripts passes them: each parameter's
# argument_format (default --NAME={input}) with {input} (a scalar value) or, for storage and interface
# values, {name} {path} {id_path} {model} {serial} {mac} replaced.
BEGIN { FS = "\t"; prefix = "1.0/" set "_scripts/" }
index($1, prefix) == 1 {
    split(substr($1, length(prefix) + 1), p, "/")
    i = p[1] + 0; if (i + 1 > count) count = i + 1
    if (p[2] == "parameters" && p[3] != "") {
        param = p[3]
        if (!((i, param) in seen)) { seen[i, param] = 1; order[i] = order[i] SUBSEP param }
        if (p[4] == "value" && p[5] != "") value[i, param, p[5]] = $2
        else if (p[4] != "") field[i, param, p[4]] = $2
    } else if (p[3] == "") {
        top[i, p[2]] = $2
    }
}
END {
    for (i = 0; i < count; i++) {
        args = ""
        m = split(order[i], names, SUBSEP)
        for (k = 2; k <= m; k++) {
            param = names[k]; type = field[i, param, "type"]
            format = field[i, param, "argument_format"]
            if (format == "") format = (type == "storage" ? "--storage={path}" : type == "interface" ? "--interface={name}" : "--" param "={input}")
            path = value[i, param, "id_path"]; if (path == "" && value[i, param, "name"] != "") path = "/dev/" value[i, param, "name"]
            gsub(/\{input\}/, field[i, param, "value"], format)
            gsub(/\{name\}/, value[i, param, "name"], format); gsub(/\{path\}/, path, format)
            gsub(/\{id_path\}/, value[i, param, "id_path"], format); gsub(/\{model\}/, value[i, param, "model"], format)
            gsub(/\{serial\}/, value[i, param, "serial"], format); gsub(/\{mac\}/, value[i, param, "mac_address"], format)
            if (field[i, param, "value"] == "" && type != "storage" && type != "interface") continue
            args = args (args == "" ? "" : " ") format
        }
        rid = top[i, "script_result_id"]; if (rid == "null") rid = ""
        vid = top[i, "script_version_id"]; if (vid == "null") vid = ""
        t = top[i, "timeout_seconds"] + 0
        printf "%s\t%s\t%s\t%s\t%d\t%s\t%d\t%d\t%s\n", top[i, "name"], top[i, "path"], rid, vid, t, top[i, "has_finished"],
            top[i, "parallel"] + 0, top[i, "hardware_type"] + 0, args
    }
}
