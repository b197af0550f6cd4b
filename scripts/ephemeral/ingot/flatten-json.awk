# flatten-json.awk: prints a JSON document as lines "PATH<TAB>VALUE", one per scalar, PATH being the
# object keys and array indexes from the root joined by "/" (e.g. 1.0/testing_scripts/0/name). Strings
# are unescaped (\" \\ \/ \b \f \n \r \t; \uXXXX is kept as written); null, true, false and numbers are
# printed as they are. Used by Ingot's ephemeral agent to read maas-scripts' index.json without jq.
{ text = text $0 "\n" }
END {
    n = length(text); i = 1; depth = 0
    while (i <= n) {
        c = substr(text, i, 1)
        if (c == "{" || c == "[") {
            depth++; kind[depth] = c; key[depth] = (c == "[" ? 0 : ""); wantkey[depth] = (c == "{"); i++
        } else if (c == "}" || c == "]") {
            depth--; i++
        } else if (c == ",") {
            if (kind[depth] == "[") key[depth]++; else wantkey[depth] = 1
            i++
        } else if (c == ":") {
            wantkey[depth] = 0; i++
        } else if (c == " " || c == "\t" || c == "\r" || c == "\n") {
            i++
        } else if (c == "\"") {
            v = ""; i++
            while (i <= n) {
                c = substr(text, i, 1)
                if (c == "\\") {
                    e = substr(text, i + 1, 1); i += 2
                    if (e == "n") v = v "\n"; else if (e == "t") v = v "\t"; else if (e == "r") v = v "\r"
                    else if (e == "b" || e == "f") v = v; else if (e == "u") v = v "\\u"; else v = v e
                } else if (c == "\"") { i++; break } else { v = v c; i++ }
            }
            if (kind[depth] == "{" && wantkey[depth]) key[depth] = v; else emit(v)
        } else {
            v = ""
            while (i <= n) {
                c = substr(text, i, 1)
                if (c == "," || c == "}" || c == "]" || c == " " || c == "\t" || c == "\r" || c == "\n") break
                v = v c; i++
            }
            emit(v)
        }
    }
}
function emit(value,   p, k) {
    p = ""
    for (k = 1; k <= depth; k++) p = p (k > 1 ? "/" : "") key[k]
    gsub(/\n/, " ", value); gsub(/\t/, " ", value)
    print p "\t" value
}
