//! Untranslated copies: a translation whose value or attribute is the
//! source's, unchanged. It resolves, so nothing falls back; `check` warns
//! about it, `build` warns about the copies its documents print, and
//! `status` counts the message as untranslated rather than translated.
//!
//! Values are compared as parsed, not as written: comments, indentation and
//! where the lines break do not matter; text, placeables and variants do.
//! Only text with something to translate is compared ([`has_words`]); a copy
//! that is meant (a name, an abbreviation) is marked with a `# same-as-source`
//! comment above the source message (every locale) or the translation.

use std::fmt::Write as _;

use fluent_syntax::ast::{self, Expression, InlineExpression, Pattern, PatternElement, VariantKey};

use super::{Catalog, LocaleData};
use crate::diagnostics::Diagnostic;
use crate::locale::ftl::FtlFile;
use crate::workspace::LocaleId;

/// The comment line that marks an intended copy.
pub const MARK: &str = "same-as-source";

/// A value (`None`) or attribute (`Some(name)`) of a message or term.
pub type Named<'a> = (Option<&'a str>, &'a Pattern<&'a str>);

/// The patterns of a translation that are copies of the source's pattern of
/// the same name (value or attribute) and have something to translate.
pub fn copied<'a>(source: &[Named<'_>], translation: &[Named<'a>]) -> Vec<Option<&'a str>> {
    translation
        .iter()
        .filter(|(name, pattern)| {
            source
                .iter()
                .find(|(n, _)| n == name)
                .is_some_and(|(_, src)| same(src, pattern))
        })
        .map(|(name, _)| *name)
        .collect()
}

/// Are two patterns the same text, as parsed: equal after whitespace runs
/// in their text are made one space (so line breaks and indentation do not
/// count), with something a translator would translate ([`has_words`])?
pub fn same(a: &Pattern<&str>, b: &Pattern<&str>) -> bool {
    // most translations differ from their first character: no canonical form
    // needed (status and every build ask this of every message they count)
    if let (Some(x), Some(y)) = (lead(a), lead(b))
        && x != y
    {
        return false;
    }
    let ca = Canonical::of(a);
    // written the same way, the patterns need no second canonical form
    has_words(&ca.text) && (a == b || ca.form == Canonical::of(b).form)
}

/// The first character of a pattern's canonical form, when it is plain to
/// see: `{` for a placeable, a space for text that starts with whitespace,
/// else the text's first character.
fn lead(p: &Pattern<&str>) -> Option<char> {
    match p.elements.first()? {
        PatternElement::Placeable { .. } => Some('{'),
        PatternElement::TextElement { value } => value
            .chars()
            .next()
            .map(|c| if c.is_whitespace() { ' ' } else { c }),
    }
}

/// Does the literal text of a pattern (placeables left out) hold a word a
/// translator would translate: two or more letters that are not part of a
/// web or e-mail address (a word with `://`, `@`, `www.` or a dot between
/// letters, as in `migration.gov.az`)? Numbers, phone numbers, addresses and
/// texts made only of placeables have none.
pub fn has_words(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let chars: Vec<char> = word.chars().collect();
        let address = word.contains("://")
            || word.contains('@')
            || word.starts_with("www.")
            || chars
                .windows(3)
                .any(|w| w[0].is_alphabetic() && w[1] == '.' && w[2].is_alphabetic());
        !address && chars.iter().filter(|c| c.is_alphabetic()).count() >= 2
    })
}

/// A pattern written out canonically: text with whitespace runs as one
/// space, placeables in one fixed syntax; and its literal text alone.
#[derive(Default)]
struct Canonical {
    form: String,
    text: String,
}

impl Canonical {
    fn of(p: &Pattern<&str>) -> Canonical {
        let mut c = Canonical::default();
        c.pattern(p);
        c
    }

    fn text(&mut self, value: &str) {
        for (i, piece) in value.split_whitespace().enumerate() {
            // whitespace before, between or after pieces is one space
            if (i > 0 || value.starts_with(char::is_whitespace)) && !self.form.ends_with(' ') {
                self.form.push(' ');
            }
            self.form.push_str(piece);
        }
        if value.ends_with(char::is_whitespace) && !self.form.ends_with(' ') {
            self.form.push(' ');
        }
        self.text.push_str(value);
        self.text.push(' ');
    }

    fn pattern(&mut self, p: &Pattern<&str>) {
        for el in &p.elements {
            match el {
                PatternElement::TextElement { value } => self.text(value),
                PatternElement::Placeable { expression } => {
                    self.form.push('{');
                    self.expression(expression);
                    self.form.push('}');
                }
            }
        }
        // trailing whitespace is not part of a text
        while self.form.ends_with(' ') {
            self.form.pop();
        }
    }

    fn expression(&mut self, e: &Expression<&str>) {
        match e {
            Expression::Inline(i) => self.inline(i),
            Expression::Select { selector, variants } => {
                self.inline(selector);
                self.form.push_str("->");
                for v in variants {
                    self.form.push_str(if v.default { "*[" } else { "[" });
                    match &v.key {
                        VariantKey::Identifier { name } => self.form.push_str(name),
                        VariantKey::NumberLiteral { value } => self.form.push_str(value),
                    }
                    self.form.push(']');
                    self.pattern(&v.value);
                    self.form.push('|');
                }
            }
        }
    }

    fn inline(&mut self, i: &InlineExpression<&str>) {
        match i {
            InlineExpression::StringLiteral { value } => {
                let _ = write!(self.form, "{value:?}");
                self.text.push_str(value);
                self.text.push(' ');
            }
            InlineExpression::NumberLiteral { value } => self.form.push_str(value),
            InlineExpression::VariableReference { id } => {
                let _ = write!(self.form, "${}", id.name);
            }
            InlineExpression::MessageReference { id, attribute } => {
                self.form.push_str(id.name);
                if let Some(a) = attribute {
                    let _ = write!(self.form, ".{}", a.name);
                }
            }
            InlineExpression::TermReference {
                id,
                attribute,
                arguments,
            } => {
                let _ = write!(self.form, "-{}", id.name);
                if let Some(a) = attribute {
                    let _ = write!(self.form, ".{}", a.name);
                }
                if let Some(args) = arguments {
                    self.call(args);
                }
            }
            InlineExpression::FunctionReference { id, arguments } => {
                self.form.push_str(id.name);
                self.call(arguments);
            }
            InlineExpression::Placeable { expression } => {
                self.form.push('{');
                self.expression(expression);
                self.form.push('}');
            }
        }
    }

    fn call(&mut self, args: &ast::CallArguments<&str>) {
        self.form.push('(');
        for p in &args.positional {
            self.inline(p);
            self.form.push(',');
        }
        for n in &args.named {
            let _ = write!(self.form, "{}:", n.name.name);
            self.inline(&n.value);
            self.form.push(',');
        }
        self.form.push(')');
    }
}

/// Is the comment right above line `line` of `file` a `# same-as-source`
/// mark (one of its lines)?
pub fn marked(file: &FtlFile, line: usize) -> bool {
    file.comment_above(line).iter().any(|l| l.trim() == MARK)
}

impl LocaleData {
    /// Is the definition of `id` this locale uses marked `# same-as-source`?
    pub fn marked_same(&self, id: &str) -> bool {
        self.index
            .get(id)
            .is_some_and(|def| marked(&self.files[def.file as usize], def.line as usize))
    }
}

impl Catalog {
    /// The value (`None`) and attributes of message `id` in `locale` that are
    /// unmarked copies of the source's; empty for the source locale, a
    /// pseudo-locale, and a message that is missing or broken there.
    pub fn copies(&self, locale: LocaleId, id: &str) -> Vec<Option<&str>> {
        let data = &self.locales[locale];
        let source = &self.locales[self.source];
        if locale == self.source || data.pseudo || data.broken.contains_key(id) {
            return Vec::new();
        }
        let (Some(tr), Some(src)) = (data.bundle.get_message(id), source.bundle.get_message(id))
        else {
            return Vec::new();
        };
        fn named<'m>(m: &fluent_bundle::FluentMessage<'m>) -> Vec<Named<'m>> {
            m.value()
                .map(|v| (None, v))
                .into_iter()
                .chain(m.attributes().map(|a| (Some(a.id()), a.value())))
                .collect()
        }
        let found = copied(&named(&src), &named(&tr));
        if found.is_empty() || source.marked_same(id) || data.marked_same(id) {
            return Vec::new();
        }
        found
    }
}

/// The warning for a copy: `name` (`id` or `id.attr`) of the entry whose id
/// is on `line` of `file`, the same as in the source locale `source`.
pub fn diagnostic(file: &FtlFile, line: usize, name: &str, source: &str) -> Diagnostic {
    Diagnostic::warning(
        "untranslated",
        format!("'{name}' is the same as in the source ({source}): it is not translated"),
    )
    .at_offset(
        file.display.clone(),
        file.text(),
        &file.index,
        file.line_offset(line),
    )
    .with_hint(format!(
        "translate it; if it is meant to stay as it is (a name, an abbreviation), add the line `# {MARK}` above it, or above the source message to cover every locale"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> fluent_syntax::ast::Resource<&str> {
        fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r)
    }

    fn pattern<'a>(r: &'a fluent_syntax::ast::Resource<&'a str>) -> &'a Pattern<&'a str> {
        match &r.body[0] {
            ast::Entry::Message(m) => m.value.as_ref().unwrap(),
            other => panic!("{other:?}"),
        }
    }

    fn same_text(a: &str, b: &str) -> bool {
        let (ra, rb) = (value(a), value(b));
        same(pattern(&ra), pattern(&rb))
    }

    #[test]
    fn layout_and_comments_do_not_make_a_translation() {
        assert!(same_text(
            "a = Pay the fee at any bank.\n",
            "# translator note\na =\n    Pay the fee\n        at any bank.\n"
        ));
        assert!(same_text(
            "a = Apply within { $days ->\n    [one] { $days } day\n   *[other] { $days } days\n} of arrival.\n",
            "a =\n    Apply within {$days ->\n        [one] {$days} day\n        *[other] {$days} days\n    }\n    of arrival.\n"
        ));
    }

    #[test]
    fn text_placeables_and_variants_count() {
        assert!(!same_text("a = Pay the fee.\n", "a = Оплатите сбор.\n"));
        assert!(!same_text(
            "a = Call { $hotline }\n",
            "a = Call { $phone }\n"
        ));
        assert!(!same_text(
            "a = { $n ->\n   *[other] days\n}\n",
            "a = { $n ->\n    [one] day\n   *[other] days\n}\n"
        ));
        assert!(!same_text("a = Pay the fee.\n", "a = Pay the fee!\n"));
    }

    #[test]
    fn nothing_to_translate_is_never_a_copy() {
        for text in [
            "a = { $hotline }\n",
            "a = (012) 919\n",
            "a = https://migration.gov.az\n",
            "a = migration.gov.az\n",
            "a = www.example.org\n",
            "a = qeydiyyat@migration.gov.az\n",
            "a = { -brand } 108\n",
            "a = A4\n",
        ] {
            assert!(!same_text(text, text), "{text}");
        }
        for text in [
            "a = Website\n",
            "a = ASAN\n",
            "a = See https://migration.gov.az for details\n",
            "a = { -brand } Online\n",
        ] {
            assert!(same_text(text, text), "{text}");
        }
    }

    fn named<'a>(m: &'a ast::Message<&'a str>) -> Vec<Named<'a>> {
        m.value
            .iter()
            .map(|v| (None, v))
            .chain(m.attributes.iter().map(|a| (Some(a.id.name), &a.value)))
            .collect()
    }

    /// The value of the first entry, when it is a message with one.
    fn first_value<'a>(r: &'a ast::Resource<&'a str>) -> Option<&'a Pattern<&'a str>> {
        match r.body.first()? {
            ast::Entry::Message(m) => m.value.as_ref(),
            _ => None,
        }
    }

    /// `same` without its shortcuts: the canonical forms alone.
    fn reference_same(a: &Pattern<&str>, b: &Pattern<&str>) -> bool {
        let (ca, cb) = (Canonical::of(a), Canonical::of(b));
        has_words(&ca.text) && ca.form == cb.form
    }

    proptest::proptest! {
        #[test]
        fn shortcuts_agree_with_the_canonical_forms(
            s in "[ab ]{0,6}(\\{ \\$x \\})?[ab ]{0,6}",
            t in "[ab ]{0,6}(\\{ \\$x \\})?[ab ]{0,6}",
            relayout in proptest::bool::ANY,
        ) {
            // the same text over several lines, or another text
            let other = if relayout { s.replace(' ', "\n    ") } else { t };
            let (ta, tb) = (format!("m = {s}\n"), format!("m = {other}\n"));
            let (ra, rb) = (value(&ta), value(&tb));
            let (Some(pa), Some(pb)) = (first_value(&ra), first_value(&rb)) else {
                return Ok(());
            };
            proptest::prop_assert_eq!(same(pa, pb), reference_same(pa, pb));
        }
    }

    #[test]
    fn attributes_are_compared_by_name() {
        let src = value("a = Logo\n    .alt = Logo of the service\n    .title = Service\n");
        let tr = value("a = Логотип\n    .title = Служба\n    .alt = Logo of the service\n");
        let (ast::Entry::Message(s), ast::Entry::Message(t)) = (&src.body[0], &tr.body[0]) else {
            panic!("two messages")
        };
        assert_eq!(copied(&named(s), &named(t)), [Some("alt")]);
    }
}
