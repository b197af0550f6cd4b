# maas-api.sh, sourced by Ingot's ephemeral agent: HTTP to the region as MAAS's maas_api_helper does it,
# with busybox wget. Requests to the metadata API carry an OAuth 1.0 PLAINTEXT header when the machine
# has credentials (CONSUMER_KEY, TOKEN_KEY, TOKEN_SECRET); signals are hand-built multipart/form-data
# bodies with op=signal as a body field. Every request is bounded (timeout 60 s); 5xx answers and connection
# failures are retried for up to two minutes (http_call).
# Scripts that run at once signal at once: each body and answer has its own file under INGOT_RUN_DIR.

RUN=${INGOT_RUN_DIR:-/run}
command -v say >/dev/null 2>&1 || say() { echo "INGOT-EPHEMERAL: $*"; }

oauth_header() {
    [ -n "${TOKEN_KEY:-}" ] || return 0
    printf 'Authorization: OAuth realm="", oauth_nonce="%s", oauth_timestamp="%s", oauth_consumer_key="%s", oauth_signature_method="PLAINTEXT", oauth_version="1.0", oauth_token="%s", oauth_signature="%%26%s"' \
        "$(tr -d '-' < /proc/sys/kernel/random/uuid)" "$(date +%s)" "$CONSUMER_KEY" "$TOKEN_KEY" "$TOKEN_SECRET"
}

# http_call URL OUTFILE WGET_ARGUMENTS...: one request, again while the region is unavailable, as MAAS's
# enlistment (cloud-init's url_helper, maas_api_helper) retries: a 5xx answer, a refused or broken connection
# or no answer within 60 s is tried again after 1, 2, 4, 8, 16, 30, 30... s until INGOT_HTTP_RETRY_SECONDS
# (120) would be passed; a 4xx is the region's answer: not retried, and said on the console. 0 on a 2xx
# answer. busybox wget stops reading an error answer at its status line, so a 503's Retry-After cannot be
# seen here: the backoff stands in for it. The server's status lines go to $OUTFILE.head and the HTTP log.
http_call() {
    _hc_url=$1; _hc_out=$2; shift 2
    _hc_budget=${INGOT_HTTP_RETRY_SECONDS:-120}; _hc_waited=0; _hc_backoff=1
    while :; do
        timeout 60 wget -S -q -O "$_hc_out" "$@" "$_hc_url" 2>"$_hc_out.head"; _hc_rc=$?
        cat "$_hc_out.head" >> "$RUN/ingot-agent-http.log"
        _hc_code=$(sed -n 's/^ *HTTP\/[0-9.]* \([0-9][0-9][0-9]\).*/\1/p' "$_hc_out.head" | tail -n 1)
        if [ "$_hc_rc" -eq 0 ]; then rm -f "$_hc_out.head"; return 0; fi
        case "$_hc_code" in
            4??) say "agent: $_hc_url answered $_hc_code, not retried: $(grep -v '^  ' "$_hc_out.head" | tail -n 1)"; rm -f "$_hc_out.head"; return 1 ;;
            5??) _hc_why="answered $_hc_code" ;;
            *) _hc_why="failed ($(grep -v '^  ' "$_hc_out.head" | tail -n 1 | sed 's/^wget: //'))" ;;
        esac
        _hc_pause=$_hc_backoff
        rm -f "$_hc_out.head"
        if [ $((_hc_waited + _hc_pause)) -gt "$_hc_budget" ]; then
            say "agent: $_hc_url $_hc_why; gave up after ${_hc_waited} s of retries"
            return 1
        fi
        say "agent: $_hc_url $_hc_why, again in $_hc_pause s"
        sleep "$_hc_pause"
        _hc_waited=$((_hc_waited + _hc_pause)); _hc_backoff=$((_hc_backoff * 2)); [ "$_hc_backoff" -gt 30 ] && _hc_backoff=30
    done
}

# http_get URL OUTFILE: GET (signed when there are credentials); 0 on a 2xx answer (http_call retries).
http_get() {
    if [ -n "${TOKEN_KEY:-}" ]; then
        http_call "$1" "$2" --header "$(oauth_header)"
    else
        http_call "$1" "$2"
    fi
}

# http_post URL BODYFILE CONTENT_TYPE OUTFILE: POST (signed when there are credentials).
http_post() {
    if [ -n "${TOKEN_KEY:-}" ]; then
        http_call "$1" "$4" --header "$(oauth_header)" --header "Content-Type: $3" --post-file "$2"
    else
        http_call "$1" "$4" --header "Content-Type: $3" --post-file "$2"
    fi
}

# Multipart bodies: mp_begin, then mp_field NAME VALUE / mp_file NAME PATH, then mp_post URL.
mp_begin() {
    BOUNDARY="ingot-$(tr -d '-' < /proc/sys/kernel/random/uuid)"
    BODY=$RUN/ingot-agent-body.$BOUNDARY
    : > "$BODY"
}
mp_field() {
    printf '%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' "--$BOUNDARY" "$1" "$2" >> "$BODY"
}
mp_file() {
    printf '%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: application/octet-stream\r\n\r\n' \
        "--$BOUNDARY" "$1" "$1" >> "$BODY"
    cat "$2" >> "$BODY"
    printf '\r\n' >> "$BODY"
}
mp_post() {
    printf '%s--\r\n' "--$BOUNDARY" >> "$BODY"
    http_post "$1" "$BODY" "multipart/form-data; boundary=$BOUNDARY" "$BODY.answer"; posted=$?
    rm -f "$BODY" "$BODY.answer"
    return "$posted"
}

# signal STATUS [ERROR] [FIELD=VALUE...] [@NAME=FILE...]: POST <metadata_url>2012-03-01/ op=signal.
signal() {
    mp_begin
    mp_field op signal
    mp_field status "$1"
    if [ $# -ge 2 ] && [ -n "$2" ]; then mp_field error "$2"; fi
    shift; [ $# -gt 0 ] && shift
    for part in "$@"; do
        case "$part" in
            @*=*) part=${part#@}; [ -f "${part#*=}" ] && mp_file "${part%%=*}" "${part#*=}" ;;
            *=*) mp_field "${part%%=*}" "${part#*=}" ;;
        esac
    done
    mp_post "${METADATA_URL%/}/2012-03-01/"
}

# urlencode TEXT: application/x-www-form-urlencoded value.
urlencode() {
    printf '%s' "$1" | od -An -v -tx1 | tr -s ' \n' '  ' | awk '{
        for (i = 1; i <= NF; i++) {
            c = sprintf("%c", ("0x" $i) + 0)
            if ($i ~ /^(3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|2d|2e|5f|7e)$/) printf "%s", c; else printf "%%%s", toupper($i)
        }
    }'
}

# report_event EVENT_TYPE ORIGIN NAME DESCRIPTION [RESULT]: one reporting-webhook event (curtin's and
# cloud-init's "webhook" reporter) to REPORT_URL, else <metadata>/status/<system id>, signed.
report_event() {
    url=${REPORT_URL:-$(echo "$METADATA_URL" | sed 's#/metadata/.*#/metadata/#')status/${SYSTEM_ID:-unknown}}
    result=""
    [ -n "${5:-}" ] && result=$(printf ', "result": "%s"' "$5")
    printf '{"event_type": "%s", "origin": "%s", "name": "%s", "description": "%s", "timestamp": %s%s}' \
        "$1" "$2" "$3" "$4" "$(date +%s)" "$result" > "$RUN/ingot-event.json"
    http_post "$url" "$RUN/ingot-event.json" application/json "$RUN/ingot-event-answer"
}
