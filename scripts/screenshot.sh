#!/usr/bin/env bash
# Render the HTML report of fixtures in a real browser (headless Chromium) and check it (#7).
#
#   scripts/screenshot.sh [OUT.png] [FIXTURE...]
#
# Default: the report of a French and an English text fixture, an HTML and a Markdown one,
# screenshot in target/html-report.png. The README's picture, docs/html-report.png, is
#   SIZE=1280,1700 scripts/screenshot.sh docs/html-report.png \
#       fixtures/fr/fr_tramway_valbonne.txt fixtures/en/en_climate_marivala.txt
#
# Checks, each failing the script:
#   - the page loads and logs nothing to the console: no script error, no Content-Security-Policy
#     violation (Chromium logs them as CONSOLE lines with --enable-logging=stderr);
#   - the filter script ran (the filter bar lost its `hidden` attribute: the CSP hash matches);
#   - every quote of the JSON report is a highlighted <mark id="aN-qK"> in the rendered DOM,
#     with its note;
#   - the screenshot is a PNG, and the page prints (@media print) to a PDF.
#
# Needs Chromium (Debian: `apt-get install -y chromium`); not run by `cargo test` or .ci/run.
# Set CHROMIUM to use another binary, QUOTECHECK to use a built quotecheck instead of building
# one, SIZE to change the window (default 1280,1800).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-target/html-report.png}
shift || true
if [ $# -eq 0 ]; then
    set -- fixtures/fr/fr_tramway_valbonne.txt fixtures/en/en_climate_marivala.txt \
        fixtures/html/fr_festival_valbonne.html fixtures/md/en_harbour_crlf.md
fi

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$chromium" ]; then
    echo "screenshot.sh: no Chromium found (apt-get install -y chromium, or set CHROMIUM)" >&2
    exit 2
fi
start=$(date +%s%N)
if [ -n "${QUOTECHECK:-}" ]; then
    quotecheck=("$QUOTECHECK")
else
    cargo build --quiet
    quotecheck=(target/debug/quotecheck)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page="$work/report.html"

# The exit code says whether quotes were flagged; both 0 and 1 are a report.
status=0
"${quotecheck[@]}" check --no-fail --format html -o "$page" "$@" || status=$?
[ "$status" -eq 0 ] || { echo "screenshot.sh: quotecheck failed ($status)" >&2; exit 1; }
"${quotecheck[@]}" check --no-fail --format json "$@" > "$work/quotes.jsonl"
expected=$(wc -l < "$work/quotes.jsonl")

browser() {
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile-$1" --enable-logging=stderr --v=0 \
        --hide-scrollbars --force-device-scale-factor=1 "${@:2}" "file://$page"
}

fail=0
check() {
    if ! eval "$2"; then
        echo "FAIL: $1" >&2
        fail=1
    else
        echo "ok: $1"
    fi
}

browser dom --dump-dom > "$work/dom.html" 2> "$work/dom.log"
browser pdf --no-pdf-header-footer --print-to-pdf="$work/report.pdf" > /dev/null 2> "$work/pdf.log"
browser shot --window-size="${SIZE:-1280,1800}" --screenshot="$work/shot.png" > /dev/null 2> "$work/shot.log"

marks=$(grep -o '<mark id="a[0-9]*-q[0-9]*"' "$work/dom.html" | sort -u | wc -l)
notes=$(grep -o '<li class="note [^"]*" id="a[0-9]*-n[0-9]*"' "$work/dom.html" | sort -u | wc -l)
check "the page loaded ($(wc -c < "$work/dom.html") bytes of DOM)" \
    'grep -q "</main>" "$work/dom.html"'
check "no console message, script error or CSP violation" \
    '! grep -h ":CONSOLE" "$work/dom.log" "$work/shot.log" "$work/pdf.log" >&2'
check "the filter script ran (CSP hash accepted)" \
    'grep -q "<form id=\"filters\" class=\"filters\">" "$work/dom.html"'
check "$marks of $expected quotes highlighted, $notes notes" \
    '[ "$marks" -eq "$expected" ] && [ "$notes" -eq "$expected" ] && [ "$expected" -gt 0 ]'
check "the screenshot is a PNG" \
    '[ "$(head -c 8 "$work/shot.png" | od -An -tx1 | tr -d " \n")" = 89504e470d0a1a0a ]'
check "the page prints to PDF ($(wc -c < "$work/report.pdf") bytes)" \
    '[ "$(head -c 5 "$work/report.pdf")" = "%PDF-" ]'

if [ "$fail" -ne 0 ]; then
    echo "screenshot.sh: the report does not render as it should; DOM and logs in $work" >&2
    trap - EXIT
    exit 1
fi
mkdir -p "$(dirname "$out")"
cp "$work/shot.png" "$out"
ms=$((($(date +%s%N) - start) / 1000000))
echo "screenshot: $out ($(wc -c < "$out") bytes), $((ms / 1000)).$((ms % 1000 / 100)) s in all"
