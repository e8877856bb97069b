//! Walking the Fluent AST: every expression of an entry (value, attributes,
//! select variants, call arguments, nested placeables), so checks can look at
//! number literals, references and function calls without repeating the
//! recursion.

use fluent_syntax::ast::{
    self, Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

/// One thing of interest inside an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node<'s> {
    /// A number literal, as written (in a placeable or as a variant key).
    Number(&'s str),
    Variable(&'s str),
    Message(&'s str),
    Term(&'s str),
    /// A function call and its number of named arguments.
    Function(&'s str, usize),
}

/// The id of an entry as it is referenced: `name` for messages, `-name` for terms.
pub fn entry_id(entry: &Entry<&str>) -> Option<String> {
    match entry {
        Entry::Message(m) => Some(m.id.name.to_owned()),
        Entry::Term(t) => Some(format!("-{}", t.id.name)),
        _ => None,
    }
}

/// Calls `f` on every node of `entry`.
pub fn visit<'s>(entry: &Entry<&'s str>, f: &mut impl FnMut(Node<'s>)) {
    match entry {
        Entry::Message(m) => {
            if let Some(v) = &m.value {
                pattern(v, f);
            }
            for a in &m.attributes {
                pattern(&a.value, f);
            }
        }
        Entry::Term(t) => {
            pattern(&t.value, f);
            for a in &t.attributes {
                pattern(&a.value, f);
            }
        }
        _ => {}
    }
}

/// Calls `f` on every node of one pattern (a value or an attribute).
pub fn pattern<'s>(p: &Pattern<&'s str>, f: &mut impl FnMut(Node<'s>)) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, f);
        }
    }
}

fn expr<'s>(e: &Expression<&'s str>, f: &mut impl FnMut(Node<'s>)) {
    match e {
        Expression::Inline(i) => inline(i, f),
        Expression::Select { selector, variants } => {
            inline(selector, f);
            for v in variants {
                if let VariantKey::NumberLiteral { value } = &v.key {
                    f(Node::Number(value));
                }
                pattern(&v.value, f);
            }
        }
    }
}

fn inline<'s>(i: &InlineExpression<&'s str>, f: &mut impl FnMut(Node<'s>)) {
    match i {
        InlineExpression::NumberLiteral { value } => f(Node::Number(value)),
        InlineExpression::VariableReference { id } => f(Node::Variable(id.name)),
        InlineExpression::MessageReference { id, .. } => f(Node::Message(id.name)),
        InlineExpression::TermReference { id, arguments, .. } => {
            f(Node::Term(id.name));
            if let Some(args) = arguments {
                call(args, f);
            }
        }
        InlineExpression::FunctionReference { id, arguments } => {
            f(Node::Function(id.name, arguments.named.len()));
            call(arguments, f);
        }
        InlineExpression::Placeable { expression } => expr(expression, f),
        InlineExpression::StringLiteral { .. } => {}
    }
}

fn call<'s>(args: &ast::CallArguments<&'s str>, f: &mut impl FnMut(Node<'s>)) {
    for p in &args.positional {
        inline(p, f);
    }
    for n in &args.named {
        inline(&n.value, f);
    }
}
