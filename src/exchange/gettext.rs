//! gettext's plural forms, mapped to CLDR's plural categories.
//!
//! A PO file says how many plural forms a language has and which one a
//! number takes in its `Plural-Forms:` header (`nplurals=3; plural=(…);`),
//! a C expression whose value is the index of the `msgstr[N]` to use.
//! Fluent selects CLDR categories instead. For each language with a
//! standard gettext formula, [`PluralForms`] names the CLDR category each
//! index stands for, so that `msgstr[N]` is read back into the variant of
//! that category.
//!
//! The two do not always agree. A CLDR category that no gettext index
//! stands for (Russian `other`, which CLDR keeps for fractions; French,
//! Italian and Spanish `many`, for whole millions; Hebrew `two`) is
//! exported as an entry of its own, beside the plural entry. Languages
//! without a formula here keep one entry per category.
//!
//! [`Formula`] evaluates a header's expression, so that an import accepts
//! a header a PO editor rewrote (other spacing or parentheses) as long as
//! it picks the same index for every number, and refuses one that does not.

/// The gettext plural forms of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PluralForms {
    /// The `Plural-Forms:` header's value.
    pub header: &'static str,
    /// The CLDR category of each index (`msgstr[0]`, `msgstr[1]` …).
    pub forms: &'static [&'static str],
}

const ONE_FORM: PluralForms = PluralForms {
    header: "nplurals=1; plural=0;",
    forms: &["other"],
};
const NOT_ONE: PluralForms = PluralForms {
    header: "nplurals=2; plural=(n != 1);",
    forms: &["one", "other"],
};
const ABOVE_ONE: PluralForms = PluralForms {
    header: "nplurals=2; plural=(n > 1);",
    forms: &["one", "other"],
};
/// One formula for East and South Slavic; CLDR names its third form
/// differently (`many` in Russian, `other` in Serbian).
const SLAVIC: &str = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
const EAST_SLAVIC: PluralForms = PluralForms {
    header: SLAVIC,
    forms: &["one", "few", "many"],
};
const SOUTH_SLAVIC: PluralForms = PluralForms {
    header: SLAVIC,
    forms: &["one", "few", "other"],
};
const POLISH: PluralForms = PluralForms {
    header: "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    forms: &["one", "few", "many"],
};
const CZECH: PluralForms = PluralForms {
    header: "nplurals=3; plural=(n==1 ? 0 : (n>=2 && n<=4) ? 1 : 2);",
    forms: &["one", "few", "other"],
};
const ARABIC: PluralForms = PluralForms {
    header: "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    forms: &["zero", "one", "two", "few", "many", "other"],
};

/// Languages and their forms; a full tag before its language.
const TABLE: &[(&str, PluralForms)] = &[
    ("pt-PT", NOT_ONE),
    ("ja", ONE_FORM),
    ("zh", ONE_FORM),
    ("ko", ONE_FORM),
    ("th", ONE_FORM),
    ("vi", ONE_FORM),
    ("id", ONE_FORM),
    ("ms", ONE_FORM),
    ("lo", ONE_FORM),
    ("km", ONE_FORM),
    ("my", ONE_FORM),
    ("en", NOT_ONE),
    ("de", NOT_ONE),
    ("nl", NOT_ONE),
    ("sv", NOT_ONE),
    ("da", NOT_ONE),
    ("nb", NOT_ONE),
    ("nn", NOT_ONE),
    ("fi", NOT_ONE),
    ("et", NOT_ONE),
    ("el", NOT_ONE),
    ("it", NOT_ONE),
    ("es", NOT_ONE),
    ("ca", NOT_ONE),
    ("bg", NOT_ONE),
    ("hu", NOT_ONE),
    ("he", NOT_ONE),
    ("tr", NOT_ONE),
    ("az", NOT_ONE),
    ("ka", NOT_ONE),
    ("kk", NOT_ONE),
    ("ky", NOT_ONE),
    ("uz", NOT_ONE),
    ("fr", ABOVE_ONE),
    ("pt", ABOVE_ONE),
    ("fa", ABOVE_ONE),
    ("hy", ABOVE_ONE),
    ("hi", ABOVE_ONE),
    ("bn", ABOVE_ONE),
    ("ru", EAST_SLAVIC),
    ("uk", EAST_SLAVIC),
    ("be", EAST_SLAVIC),
    ("sr", SOUTH_SLAVIC),
    ("hr", SOUTH_SLAVIC),
    ("bs", SOUTH_SLAVIC),
    ("pl", POLISH),
    ("cs", CZECH),
    ("sk", CZECH),
    ("ar", ARABIC),
];

/// The gettext plural forms of a locale tag (`ru`, `pt-BR`, `zh_CN`), when
/// it has a standard formula here.
pub fn plural_forms(tag: &str) -> Option<&'static PluralForms> {
    let tag = tag.replace('_', "-");
    let lang = tag.split('-').next().unwrap_or("");
    TABLE
        .iter()
        .find(|(t, _)| t.eq_ignore_ascii_case(&tag))
        .or_else(|| TABLE.iter().find(|(t, _)| t.eq_ignore_ascii_case(lang)))
        .map(|(_, f)| f)
}

/// Numbers a header's formula is compared on: every index a formula here
/// tells apart shows below 200 (the rules repeat every 100).
const COMPARED: std::ops::Range<u64> = 0..1000;

impl PluralForms {
    /// Does `header` (a `Plural-Forms:` value) pick the same index as this
    /// one for every number? An error says what is wrong with it.
    pub fn accepts(&self, header: &str) -> Result<(), String> {
        let theirs = Formula::header(header)?;
        let ours = Formula::header(self.header).expect("the table's formulas parse");
        if theirs.0 != ours.0 {
            return Err(format!(
                "it has nplurals={}, where {} has {}",
                theirs.0, self.header, ours.0
            ));
        }
        match COMPARED
            .clone()
            .find(|&n| theirs.1.eval(n) != ours.1.eval(n))
        {
            Some(n) => Err(format!(
                "its formula picks form {} for {n}, where `{}` picks form {}",
                theirs.1.eval(n),
                self.header,
                ours.1.eval(n)
            )),
            None => Ok(()),
        }
    }
}

/// A gettext plural expression: C's integer operators over `n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formula {
    N,
    Number(u64),
    Not(Box<Formula>),
    Binary(Op, Box<Formula>, Box<Formula>),
    If(Box<Formula>, Box<Formula>, Box<Formula>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl Formula {
    /// `nplurals=N; plural=EXPR;` → (N, EXPR).
    pub fn header(header: &str) -> Result<(u64, Formula), String> {
        let mut nplurals = None;
        let mut plural = None;
        for part in header.split(';') {
            let Some((key, value)) = part.split_once('=') else {
                if part.trim().is_empty() {
                    continue;
                }
                return Err(format!("`{}` is not `name=value`", part.trim()));
            };
            match key.trim() {
                "nplurals" => {
                    nplurals = Some(
                        value
                            .trim()
                            .parse::<u64>()
                            .map_err(|_| format!("nplurals=`{}` is not a number", value.trim()))?,
                    )
                }
                "plural" => plural = Some(Formula::parse(value)?),
                other => return Err(format!("unknown field `{other}`")),
            }
        }
        match (nplurals, plural) {
            (Some(n), Some(p)) if n > 0 => Ok((n, p)),
            (Some(_), Some(_)) => Err("nplurals is 0".into()),
            _ => Err("it lacks nplurals= or plural=".into()),
        }
    }

    /// Parses a C expression over `n`.
    pub fn parse(text: &str) -> Result<Formula, String> {
        let tokens = tokens(text)?;
        let mut p = Parser { tokens, at: 0 };
        let f = p.ternary(0)?;
        match p.tokens.get(p.at) {
            None => Ok(f),
            Some(t) => Err(format!("unexpected `{t}` in the plural formula")),
        }
    }

    /// The index the formula gives `n` (C semantics: true is 1; division by
    /// zero gives 0 rather than failing).
    pub fn eval(&self, n: u64) -> u64 {
        match self {
            Formula::N => n,
            Formula::Number(v) => *v,
            Formula::Not(f) => u64::from(f.eval(n) == 0),
            Formula::If(c, a, b) => {
                if c.eval(n) != 0 {
                    a.eval(n)
                } else {
                    b.eval(n)
                }
            }
            Formula::Binary(op, a, b) => {
                let (x, y) = (a.eval(n), b.eval(n));
                match op {
                    Op::Or => u64::from(x != 0 || y != 0),
                    Op::And => u64::from(x != 0 && y != 0),
                    Op::Eq => u64::from(x == y),
                    Op::Ne => u64::from(x != y),
                    Op::Lt => u64::from(x < y),
                    Op::Le => u64::from(x <= y),
                    Op::Gt => u64::from(x > y),
                    Op::Ge => u64::from(x >= y),
                    Op::Add => x.wrapping_add(y),
                    Op::Sub => x.wrapping_sub(y),
                    Op::Mul => x.wrapping_mul(y),
                    Op::Div => x.checked_div(y).unwrap_or(0),
                    Op::Rem => x.checked_rem(y).unwrap_or(0),
                }
            }
        }
    }
}

fn tokens(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '0'..='9' => {
                let mut s = c.to_string();
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    s.push(d);
                }
                out.push(s);
            }
            'n' | '(' | ')' | '?' | ':' | '+' | '-' | '*' | '/' | '%' => out.push(c.to_string()),
            '=' | '!' | '<' | '>' | '&' | '|' => {
                let two: String = [c, chars.peek().copied().unwrap_or(' ')].iter().collect();
                if ["==", "!=", "<=", ">=", "&&", "||"].contains(&two.as_str()) {
                    chars.next();
                    out.push(two);
                } else if matches!(c, '!' | '<' | '>') {
                    out.push(c.to_string());
                } else {
                    return Err(format!(
                        "`{c}` alone is not an operator of a plural formula"
                    ));
                }
            }
            c => return Err(format!("`{c}` cannot appear in a plural formula")),
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<String>,
    at: usize,
}

/// Binary operators by precedence, loosest first.
const LEVELS: &[&[(&str, Op)]] = &[
    &[("||", Op::Or)],
    &[("&&", Op::And)],
    &[("==", Op::Eq), ("!=", Op::Ne)],
    &[("<", Op::Lt), ("<=", Op::Le), (">", Op::Gt), (">=", Op::Ge)],
    &[("+", Op::Add), ("-", Op::Sub)],
    &[("*", Op::Mul), ("/", Op::Div), ("%", Op::Rem)],
];

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(String::as_str)
    }

    fn expect(&mut self, t: &str) -> Result<(), String> {
        if self.peek() == Some(t) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!(
                "expected `{t}` in the plural formula, found {}",
                self.peek()
                    .map_or("its end".to_owned(), |t| format!("`{t}`"))
            ))
        }
    }

    /// `c ? a : b`, right to left; `depth` bounds the nesting.
    fn ternary(&mut self, depth: usize) -> Result<Formula, String> {
        if depth > 64 {
            return Err("the plural formula is nested too deeply".into());
        }
        let cond = self.binary(0, depth)?;
        if self.peek() != Some("?") {
            return Ok(cond);
        }
        self.at += 1;
        let a = self.ternary(depth + 1)?;
        self.expect(":")?;
        let b = self.ternary(depth + 1)?;
        Ok(Formula::If(Box::new(cond), Box::new(a), Box::new(b)))
    }

    fn binary(&mut self, level: usize, depth: usize) -> Result<Formula, String> {
        let Some(ops) = LEVELS.get(level) else {
            return self.unary(depth);
        };
        let mut left = self.binary(level + 1, depth)?;
        while let Some(&(_, op)) = ops.iter().find(|(t, _)| Some(*t) == self.peek()) {
            self.at += 1;
            let right = self.binary(level + 1, depth)?;
            left = Formula::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self, depth: usize) -> Result<Formula, String> {
        match self.peek() {
            Some("!") => {
                self.at += 1;
                Ok(Formula::Not(Box::new(self.unary(depth + 1)?)))
            }
            Some("(") => {
                self.at += 1;
                let f = self.ternary(depth + 1)?;
                self.expect(")")?;
                Ok(f)
            }
            Some("n") => {
                self.at += 1;
                Ok(Formula::N)
            }
            Some(t) if t.starts_with(|c: char| c.is_ascii_digit()) => {
                let v = t
                    .parse()
                    .map_err(|_| format!("`{t}` is too large for a plural formula"))?;
                self.at += 1;
                Ok(Formula::Number(v))
            }
            Some(t) => Err(format!("unexpected `{t}` in the plural formula")),
            None => Err("the plural formula ends too early".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::plurals::Rules;
    use icu_plurals::PluralRuleType;

    #[test]
    fn every_formula_picks_the_form_of_the_cldr_category_it_stands_for() {
        for (tag, pf) in TABLE {
            let id: unic_langid::LanguageIdentifier = tag.parse().unwrap();
            let rules = Rules::new(&id, PluralRuleType::Cardinal).unwrap();
            let cldr = rules.categories();
            let (n, f) = Formula::header(pf.header).unwrap();
            assert_eq!(n as usize, pf.forms.len(), "{tag}");
            for c in pf.forms {
                assert!(cldr.contains(c), "{tag}: CLDR has no {c}");
            }
            for n in 0..10_000u64 {
                let category = rules.category(&fixed_decimal::Decimal::from(n));
                let index = f.eval(n) as usize;
                assert!(index < pf.forms.len(), "{tag}: {n} → form {index}");
                // a category with a form of its own takes that form; one
                // without (exported apart) may take any
                if pf.forms.contains(&category) {
                    assert_eq!(pf.forms[index], category, "{tag}: {n}");
                }
            }
        }
    }

    #[test]
    fn a_rewritten_header_is_accepted_and_another_formula_is_not() {
        let ru = plural_forms("ru").unwrap();
        ru.accepts("nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;").unwrap();
        let e = ru.accepts("nplurals=2; plural=(n != 1);").unwrap_err();
        assert!(e.contains("nplurals=2"), "{e}");
        let e = ru
            .accepts("nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 ? 1 : 2);")
            .unwrap_err();
        assert!(e.contains("form 1 for 12"), "{e}");
        assert!(ru.accepts("nplurals=3; plural=(n==1 ? 0 : ").is_err());
        assert!(ru.accepts("nplurals=3; plural=n = 1").is_err());
        assert_eq!(plural_forms("pt_BR").unwrap().header, ABOVE_ONE.header);
        assert_eq!(plural_forms("pt-PT").unwrap().header, NOT_ONE.header);
        assert_eq!(plural_forms("zh-CN").unwrap().forms, ["other"]);
        assert!(plural_forms("tlh").is_none());
    }
}
