//! What an expression gives, as far as the compiler can tell without a draft: enough to refuse
//! a `when:` that can never be true or false (`leader.name`, `size(team) + 1`) and a comparison
//! that can never hold (a yes-or-no field compared with the text `'是'`, a number with a
//! date), both of which would otherwise make a requirement silently never apply.
//!
//! The inference is coarse on purpose: a type is known only where it follows from a literal,
//! an operator, one of callspec's functions or a key whose type the application format or the
//! call's declared fields state; everything else is [`Ty::Unknown`] and accepted.

use cel::common::ast::{Expr as Ast, IdedExpr, LiteralValue};

use super::{ROOTS, Refusal, Shape, Vocabulary};
use crate::i18n::Text;
use crate::tr;

/// A value's type, as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Bool,
    Number,
    Text,
    List,
    Map,
    Null,
    Unknown,
}

impl Ty {
    /// The type in words, for a refusal.
    pub fn words(self) -> Text {
        match self {
            Ty::Bool => tr!("true or false", "真或假（true / false）"),
            Ty::Number => tr!("a number", "数字"),
            Ty::Text => tr!("a text", "文本"),
            Ty::List => tr!("a list", "列表"),
            Ty::Map => tr!("a mapping", "映射"),
            Ty::Null => tr!("null", "空值（null）"),
            Ty::Unknown => tr!("a value", "值"),
        }
    }

    /// The type of a key as a JSON Schema states it (`"type": "string"`; a reference to an
    /// object definition; a type or null).
    pub fn of_schema(s: &serde_json::Value) -> Ty {
        let one = |t: &str| match t {
            "boolean" => Ty::Bool,
            "integer" | "number" => Ty::Number,
            "string" => Ty::Text,
            "array" => Ty::List,
            "object" => Ty::Map,
            _ => Ty::Unknown,
        };
        match s.get("type") {
            Some(serde_json::Value::String(t)) => one(t),
            Some(serde_json::Value::Array(ts)) => {
                let known: Vec<Ty> = ts.iter().filter_map(|t| t.as_str()).filter(|t| *t != "null").map(one).collect();
                match known.as_slice() {
                    [t] => *t,
                    _ => Ty::Unknown,
                }
            }
            _ => Ty::Unknown,
        }
    }
}

/// A comprehension variable: an entry of a list root, or a value of a known type.
enum Bound {
    Entry(String),
    Value(Ty),
}

/// Infers types and reports the first comparison or logical operand that can never make sense.
pub(super) struct Types<'a> {
    pub vocab: &'a dyn Vocabulary,
    bound: Vec<(String, Bound)>,
    pub problem: Option<(IdedExpr, Text, Text)>,
}

impl<'a> Types<'a> {
    pub fn new(vocab: &'a dyn Vocabulary) -> Self {
        Types { vocab, bound: Vec::new(), problem: None }
    }

    fn refuse(&mut self, e: &IdedExpr, message: Text, help: Text) {
        if self.problem.is_none() {
            self.problem = Some((e.clone(), message, help));
        }
    }

    /// The type of `e`.
    pub fn of(&mut self, e: &IdedExpr) -> Ty {
        match &e.expr {
            Ast::Literal(l) => match l {
                LiteralValue::Boolean(_) => Ty::Bool,
                LiteralValue::Int(_) | LiteralValue::UInt(_) | LiteralValue::Double(_) => Ty::Number,
                LiteralValue::String(_) => Ty::Text,
                LiteralValue::Null => Ty::Null,
                LiteralValue::Bytes(_) => Ty::Unknown,
            },
            Ast::Ident(name) => match self.bound.iter().rev().find(|(n, _)| n == name) {
                Some((_, Bound::Value(t))) => *t,
                Some((_, Bound::Entry(_))) => Ty::Map,
                None => match ROOTS.iter().find(|(n, ..)| n == name) {
                    Some((_, _, Shape::Value)) => Ty::Text,
                    Some((_, _, Shape::List)) => Ty::List,
                    Some((_, _, Shape::Object | Shape::Map)) => Ty::Map,
                    None => Ty::Unknown,
                },
            },
            Ast::Select(s) => {
                if s.test {
                    return Ty::Bool;
                }
                let entry_of = match &s.operand.expr {
                    Ast::Ident(n) => match self.bound.iter().rev().find(|(b, _)| b == n) {
                        Some((_, Bound::Entry(root))) => Some(root.clone()),
                        Some((_, Bound::Value(_))) => None,
                        None => ROOTS.iter().find(|(r, _, shape)| r == n && *shape == Shape::Object).map(|(r, ..)| (*r).to_owned()),
                    },
                    _ => None,
                };
                match entry_of {
                    Some(root) => self.key(&root, &s.field),
                    None => {
                        self.of(&s.operand);
                        Ty::Unknown
                    }
                }
            }
            Ast::List(l) => {
                l.elements.iter().for_each(|x| {
                    self.of(x);
                });
                Ty::List
            }
            Ast::Map(_) | Ast::Struct(_) => Ty::Map,
            Ast::Comprehension(c) => {
                self.of(&c.iter_range);
                let entry = match &c.iter_range.expr {
                    Ast::Ident(r) if ROOTS.iter().any(|(n, _, s)| n == r && *s == Shape::List) => Bound::Entry(r.clone()),
                    _ => Bound::Value(Ty::Unknown),
                };
                let accu = self.of(&c.accu_init);
                let pushed = 2 + usize::from(c.iter_var2.is_some());
                self.bound.push((c.iter_var.clone(), entry));
                if let Some(v2) = &c.iter_var2 {
                    self.bound.push((v2.clone(), Bound::Value(Ty::Unknown)));
                }
                self.bound.push((c.accu_var.clone(), Bound::Value(accu)));
                self.of(&c.loop_cond);
                self.of(&c.loop_step);
                let result = self.of(&c.result);
                self.bound.truncate(self.bound.len() - pushed);
                result
            }
            Ast::Call(call) => self.call(e, &call.func_name, call.target.as_deref(), &call.args),
            Ast::Unspecified => Ty::Unknown,
        }
    }

    /// The type of `root.key`, from the declared fields or the application format.
    fn key(&self, root: &str, key: &str) -> Ty {
        if let Some(t) = self.vocab.ty(root, key) {
            return t;
        }
        let Some((_, Some(def), _)) = ROOTS.iter().find(|(n, ..)| *n == root) else { return Ty::Unknown };
        crate::schema::application_schema().pointer(&format!("/$defs/{def}/properties/{key}")).map_or(Ty::Unknown, Ty::of_schema)
    }

    fn call(&mut self, e: &IdedExpr, name: &str, target: Option<&IdedExpr>, args: &[IdedExpr]) -> Ty {
        use cel::common::ast::operators as op;
        if let Some(t) = target {
            self.of(t);
        }
        let tys: Vec<Ty> = args.iter().map(|a| self.of(a)).collect();
        match name {
            op::LOGICAL_AND | op::LOGICAL_OR | op::LOGICAL_NOT => {
                for (a, t) in args.iter().zip(&tys) {
                    if !matches!(t, Ty::Bool | Ty::Unknown) {
                        let word = if name == op::LOGICAL_NOT {
                            "!"
                        } else if name == op::LOGICAL_AND {
                            "&&"
                        } else {
                            "||"
                        };
                        let Text { en, zh } = t.words();
                        self.refuse(
                            a,
                            tr!("`{word}` joins conditions, but this is {en}", "`{word}` 连接的是条件，但此处是{zh}"),
                            tr!("compare the value, e.g. `x != ''` or `x == true`", "请写出比较，如 `x != ''` 或 `x == true`"),
                        );
                    }
                }
                Ty::Bool
            }
            op::EQUALS | op::NOT_EQUALS | op::LESS | op::LESS_EQUALS | op::GREATER | op::GREATER_EQUALS => {
                if let [a, b] = tys.as_slice() {
                    let known = |t: &Ty| !matches!(t, Ty::Unknown | Ty::Null);
                    if known(a) && known(b) && a != b {
                        let (Text { en: x, zh: x_zh }, Text { en: y, zh: y_zh }) = (a.words(), b.words());
                        self.refuse(
                            e,
                            tr!("compares {x} with {y}: it can never hold", "将{x_zh}与{y_zh}比较：永远不会成立"),
                            match (a, b) {
                                (Ty::Bool, Ty::Text) | (Ty::Text, Ty::Bool) => tr!(
                                    "a yes-or-no field is `true` or `false`, not text such as '是'",
                                    "是否型字段的值是 `true` 或 `false`，不是“是”这样的文本"
                                ),
                                _ => tr!("compare values of the same type", "请比较相同类型的值"),
                            },
                        );
                    }
                }
                Ty::Bool
            }
            op::CONDITIONAL => match tys.as_slice() {
                [_, a, b] if a == b => *a,
                _ => Ty::Unknown,
            },
            op::ADD | op::SUBSTRACT | op::MULTIPLY | op::DIVIDE | op::MODULO | op::NEGATE => match tys.as_slice() {
                [Ty::Number, Ty::Number] | [Ty::Number] => Ty::Number,
                [Ty::Text, Ty::Text] => Ty::Text,
                [Ty::List, Ty::List] => Ty::List,
                _ => Ty::Unknown,
            },
            op::IN | op::HAS | op::NOT_STRICTLY_FALSE => Ty::Bool,
            "size" | "age" | "months" | "int" | "uint" | "double" => Ty::Number,
            "startsWith" | "endsWith" | "contains" | "matches" => Ty::Bool,
            "string" => Ty::Text,
            _ => Ty::Unknown,
        }
    }
}

/// Refuses an expression whose value is known not to be true or false where a condition is
/// wanted.
pub(super) fn want_bool(ty: Ty) -> Option<Refusal> {
    if matches!(ty, Ty::Bool | Ty::Unknown) {
        return None;
    }
    let Text { en, zh } = ty.words();
    Some(Refusal {
        message: tr!("a condition must be true or false, but this gives {en}", "条件的结果必须是真或假，但此表达式给出{zh}"),
        at: None,
        help: tr!(
            "compare the value, e.g. `leader.title != ''` or `size(team) >= 3`",
            "请写出比较，如 `leader.title != ''` 或 `size(team) >= 3`"
        ),
    })
}
