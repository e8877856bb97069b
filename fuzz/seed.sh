#!/usr/bin/env bash
# Builds the starting corpora fuzz/corpus/{workspace,ftl} (git-ignored) from
# the repository's own campaigns and translations, the hand-written seeds in
# fuzz/seeds/, and, when present, a few real-world .ftl files from
# ../shared/corpus/fluent-real (never copied into the repository).
# An input is its parts joined by a 0xFF byte (see fuzz_targets/common.rs).
set -euo pipefail
cd "$(dirname "$0")"
root=..
shared=${FLUENT_REAL:-$root/../shared/corpus/fluent-real}
mkdir -p corpus/workspace corpus/ftl

join() { # join OUT PART...
  local out=$1; shift
  local first=1
  : >"$out"
  for p in "$@"; do
    [ $first = 1 ] || printf '\xff' >>"$out"
    first=0
    cat "$p" >>"$out"
  done
}

cp seeds/workspace/* corpus/workspace/
cp seeds/ftl/* corpus/ftl/

mini=$root/tests/fixtures/mini
join corpus/workspace/mini "$mini/campaigns/notice.toml" "$mini/locales/en/notice.ftl" "$mini/locales/ar/notice.ftl"
join corpus/ftl/mini "$mini/locales/en/notice.ftl" "$mini/locales/ar/notice.ftl"
join corpus/ftl/mini-ru "$mini/locales/en/notice.ftl" "$mini/locales/ru/notice.ftl"

for c in "$root"/campaigns/*.toml; do
  id=$(basename "$c" .toml)
  en=$root/locales/en/$id.ftl ar=$root/locales/ar/$id.ftl
  [ -f "$en" ] || continue
  join "corpus/workspace/sample-$id" "$c" "$en" "$ar"
  join "corpus/workspace/sample-$id-shared" "$c" "$root/locales/en/shared.ftl" "$root/locales/ar/shared.ftl"
  join "corpus/ftl/sample-$id" "$en" "$ar"
done
join corpus/ftl/sample-shared "$root/locales/en/shared.ftl" "$root/locales/ar/shared.ftl"

if [ -d "$shared" ]; then
  for f in newsletter_form.ftl brands.ftl privacy/faq.ftl; do
    [ -f "$shared/en/$f" ] && [ -f "$shared/ar/$f" ] || continue
    join "corpus/ftl/real-$(echo "$f" | tr / -)" "$shared/en/$f" "$shared/ar/$f"
  done
  for l in az fa ru; do
    [ -f "$shared/$l/newsletter_form.ftl" ] && join "corpus/ftl/real-newsletter-$l" "$shared/en/newsletter_form.ftl" "$shared/$l/newsletter_form.ftl"
  done
else
  echo "note: $shared not found; real-world .ftl seeds skipped" >&2
fi
echo "corpus/workspace: $(ls corpus/workspace | wc -l) files; corpus/ftl: $(ls corpus/ftl | wc -l) files"
