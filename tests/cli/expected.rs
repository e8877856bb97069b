//! Expected output that many tests share, written once: what `check` finds
//! in the `mini` fixture as it is, and the lines a `build -v` of it reports.
//!
//! Each finding ends with the blank line that follows it in the output, so
//! that a test writes its whole expected output as these parts joined in
//! order, its own findings and closing line between them:
//!
//! ```ignore
//! .stderr(&[MINI_RU_STEP_TWO_MISSING, MINI_RU_UNREVIEWED, "checked: 0 errors, 1 warning\n"].concat())
//! ```

// ---- `check` on the mini fixture ------------------------------------------------

/// No ar translation of `mini` was ever reviewed (`locales/ar/reviewed.toml`
/// is missing).
pub const MINI_AR_UNREVIEWED: &str = "\
info[translation-unreviewed]: 12 translations in ar were never reviewed, so a change of their source cannot be reported as stale: '-org', 'contact-phone', 'contact-web' and 9 more
  --> locales/ar/reviewed.toml
  = hint: check them against the source, then run `pamphlet review ar`; it records the source text each translation was reviewed against

";

/// The English `notice-intro` writes `<receipt>`, a tag that is not allowed.
pub const MINI_EN_INTRO_RECEIPT: &str = "\
warning[markup-disallowed]: 'notice-intro' contains <receipt>, which is printed as text
  --> locales/en/notice.ftl:10:46
   |
10 |     }? Register with the { -org } & keep the <receipt>.
   |                                              ^
  = hint: use only <em> <strong> <small> <s> <cite> <q> <dfn> <abbr> <code> <var> <samp> <kbd> <sub> <sup> <i> <b> <u> <mark> <bdi> <span> <br> <wbr> without attributes

";

/// ru lacks `notice-step-two` (on purpose: it falls back to en).
pub const MINI_RU_STEP_TWO_MISSING: &str = "\
warning[message-missing]: 'notice-step-two' is not translated into ru
  --> locales/ru/notice.ftl
  = hint: add it to locales/ru/notice.ftl; source (en): `Send it by e-mail or bring it to an office near you before the deadline ends, please.`

";

/// ru's `notice-intro` has only the English plural variants.
pub const MINI_RU_INTRO_PLURAL_MISSING: &str = "\
warning[plural-missing]: 'notice-intro' lacks the plural categories few, many that ru uses
  --> locales/ru/notice.ftl:6:1
  |
6 | notice-intro =
  | ^
  = hint: ru numbers need the variants [few], [many], [one], [other]

";

/// ru's `notice-deadline` has only the English plural variants.
pub const MINI_RU_DEADLINE_PLURAL_MISSING: &str = "\
warning[plural-missing]: 'notice-deadline' lacks the plural categories few, many that ru uses
  --> locales/ru/notice.ftl:14:1
   |
14 | notice-deadline =
   | ^
  = hint: ru numbers need the variants [few], [many], [one], [other]

";

/// No ru translation of `mini` was ever reviewed.
pub const MINI_RU_UNREVIEWED: &str = "\
info[translation-unreviewed]: 11 translations in ru were never reviewed, so a change of their source cannot be reported as stale: '-org', 'contact-phone', 'contact-web' and 8 more
  --> locales/ru/reviewed.toml
  = hint: check them against the source, then run `pamphlet review ru`; it records the source text each translation was reviewed against

";

/// Every finding of `check` on the unchanged `mini` fixture (4 warnings and
/// 2 infos), in the order it reports them, without the closing `checked:`
/// line.
pub fn mini_findings() -> String {
    [
        MINI_AR_UNREVIEWED,
        MINI_EN_INTRO_RECEIPT,
        MINI_RU_STEP_TWO_MISSING,
        MINI_RU_INTRO_PLURAL_MISSING,
        MINI_RU_DEADLINE_PLURAL_MISSING,
        MINI_RU_UNREVIEWED,
    ]
    .concat()
}

// ---- `build -v` of the mini fixture ---------------------------------------------

/// ru's one fallback, its missing `notice-step-two`, as `build -v` lists it.
pub const MINI_RU_FALLBACK_LISTED: &str = "\
fallback: ru took 1 message from en (-v lists them; out/manifest.json records them)
  notice-step-two → en (missing in ru)
";

/// `build -v`'s timings when it renders all 3 of mini's documents: a first
/// build, or one after a change to en, which every locale falls back to.
pub const MINI_ALL_RENDERED: &str = "\
phases: load [T] s, parse [T] s, check [T] s, templates [T] s, render+write [T] s (CPU: render [T] s, write [T] s), finish [T] s; 3 documents rendered, 0 reused, on [N] threads
";

/// `build -v`'s timings when one of mini's 3 documents changed since the
/// last build (a change to ar or ru) and the other two are reused.
pub const MINI_ONE_RENDERED: &str = "\
phases: load [T] s, parse [T] s, check [T] s, templates [T] s, render+write [T] s (CPU: render [T] s, write [T] s), finish [T] s; 1 document rendered, 2 reused, on [N] threads
";

/// The whole output of a `build -v` of the mini fixture that renders all
/// its documents and finds nothing but ru's usual fallback.
pub fn mini_build_v() -> String {
    [
        MINI_RU_FALLBACK_LISTED,
        MINI_ALL_RENDERED,
        "built 6 files (1 campaign × 3 locales), 1 fallback, 0 warnings in [T] s → [ROOT]/out\n",
    ]
    .concat()
}

/// The whole output of a `build -v` of the built mini fixture that renders
/// one document again and finds nothing but ru's usual fallback.
pub fn mini_rebuild_v_one_rendered() -> String {
    [
        MINI_RU_FALLBACK_LISTED,
        MINI_ONE_RENDERED,
        "built 6 files (1 campaign × 3 locales), 1 fallback, 0 warnings in [T] s, 2 of 3 documents unchanged → [ROOT]/out\n",
    ]
    .concat()
}

// ---- `check` on the defects fixture ---------------------------------------------

/// ru's `greeting` misspells the variable `$name` as `$nmae`.
pub const DEFECTS_RU_GREETING_NMAE: &str = "\
error[variable-unknown]: 'greeting' uses $nmae, which the source message never uses
  --> locales/ru/main.ftl:9:28
  |
9 | greeting = Здравствуйте, { $nmae }!
  |                            ^
  = hint: the source uses $name; check the spelling

";

/// ru's `logo` lacks the `.alt` attribute the source gives it.
pub const DEFECTS_RU_LOGO_ALT_MISSING: &str = "\
error[attribute-missing]: 'logo' lacks the attribute .alt in ru
  --> locales/ru/main.ftl:10:1
   |
10 | logo = Знак
   | ^
  = hint: add `    .alt = …` under the message

";
