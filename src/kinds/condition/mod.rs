//! The `condition` kind: facts of a draft a requirement depends on, written as CEL expressions
//! (the Common Expression Language, as in Kubernetes validation rules), and the call's own
//! checks (`checks:`), each a CEL expression that must hold.
//!
//! A `when:` on a requirement (a letter, a partner, a field, an exclusion, a preference, a
//! check) scopes it to the drafts where the expression is true:
//!
//! ```yaml
//! letters:
//!   - { id: district-letter, name: 区科协推荐函, issuer: 区科协, when: "lead.type == 'district-society'", source: c3 }
//! checks:
//!   - id: leader-age
//!     rule: "age(leader.birth_date, '2024-12-31') <= (leader.sex == '女' ? 38 : 35)"
//!     field: leader.birth_date
//!     message: 项目负责人年龄超过限制
//!     requires: 男性不超过35周岁、女性不超过38周岁
//!     source: c5
//! ```
//!
//! The compiler parses every expression once and checks every name in it: a variable is one of
//! the draft's sections ([`ROOTS`]), a key under a section is a key of the application format or
//! a field the call declares, so a misspelt key is an authoring error from `callspec check`, not
//! a silent `false`. Money is not available to expressions (it would pass through `f64`);
//! amounts are the `amount` and `budget` kinds' business.
//!
//! At validation an expression is evaluated over the draft's own values. When it cannot be
//! evaluated (a key it reads is missing, a value has another type) it yields no answer, and the
//! requirement it guards stays silent: a missing or mistyped value is reported by the schema
//! check or the field's own rule, never guessed at here.

mod check_failed;
mod types;

pub use types::Ty;

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use cel::common::ast::{EntryExpr, Expr as Ast, IdedExpr};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use crate::i18n::Text;
use crate::kinds::Kind;
use crate::tr;

pub const KIND: Kind = Kind { name: "condition", rules: &[&check_failed::RULE] };

/// The sections of a draft an expression may read, with the schema definition of their
/// entries (a list section's entries, an object section itself), or `None` for plain values.
pub const ROOTS: &[(&str, Option<&str>, Shape)] = &[
    ("call", None, Shape::Value),
    ("category", None, Shape::Value),
    ("project", Some("Project"), Shape::Object),
    ("lead", Some("Organisation"), Shape::Object),
    ("leader", Some("Person"), Shape::Object),
    ("contact", Some("Person"), Shape::Object),
    ("joint", Some("OtherOrganisation"), Shape::List),
    ("partners", Some("OtherOrganisation"), Shape::List),
    ("team", Some("Member"), Shape::List),
    ("events", Some("Event"), Shape::List),
    ("deliverables", Some("DeliverablePlan"), Shape::List),
    ("letters", Some("LetterRef"), Shape::List),
    ("submission", Some("Submission"), Shape::List),
    ("kpis", None, Shape::Map),
    ("attestations", None, Shape::Map),
    ("commitments", None, Shape::Map),
];

/// How a root is shaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Value,
    Object,
    List,
    Map,
}

/// The functions callspec adds to CEL's standard library.
pub const FUNCTIONS: &[(&str, &str, &str)] = &[
    (
        "age",
        "age(birth, at): full years from the date `birth` (YYYY-MM-DD or YYYY-MM) to the date `at`",
        "age(birth, at)：自出生日期 birth（YYYY-MM-DD 或 YYYY-MM）至日期 at 的周岁数",
    ),
    ("months", "months(start, end): whole months from the date `start` to the date `end`", "months(start, end)：自 start 至 end 的整月数"),
];

/// A compiled expression.
#[derive(Clone)]
pub struct Expr {
    /// The expression as written in the spec.
    pub text: String,
    program: Arc<cel::Program>,
    /// The draft sections it reads.
    pub roots: BTreeSet<String>,
}

impl fmt::Debug for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Expr").field(&self.text).finish()
    }
}

impl PartialEq for Expr {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

/// What an expression may name under each section, besides the application format's own keys:
/// the fields a call declares, by root (`leader` → `birth_date`).
pub trait Vocabulary {
    /// The keys an entry of `root` has.
    fn keys(&self, root: &str) -> Vec<String>;
    /// The type of `root.key`, when the vocabulary states it.
    fn ty(&self, _root: &str, _key: &str) -> Option<Ty> {
        None
    }
}

/// What an expression must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// True or false: a `when:`, a check's `rule`, a preference's `met`.
    Bool,
    /// A value, named by a path (`field: leader.birth_date`, a limit's `per`).
    Value,
}

/// Why an expression was refused: the message, the byte range within the expression when it
/// is known, and a hint.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub message: Text,
    pub at: Option<(usize, usize)>,
    pub help: Text,
}

/// Parses an expression, checks every name in it and, as far as they can be known without a
/// draft, the types it compares and gives (`want`).
pub fn compile(text: &str, vocab: &dyn Vocabulary, want: Want) -> Result<Expr, Refusal> {
    let program = cel::Program::compile(text).map_err(|e| {
        let first = e.errors.first();
        let msg = first.map_or_else(|| e.to_string(), |x| x.msg.clone());
        // At the end of the text (something is missing), the last character is labelled.
        let n = text.chars().count();
        let at = first
            .and_then(|x| usize::try_from(x.pos.1).ok())
            .map(|c| char_range(text, c.min(n.saturating_sub(1)), c.min(n.saturating_sub(1)) + 1));
        Refusal {
            // The parser's own words are English; the label shows where it stopped.
            message: tr!("not a valid expression: {msg}", "不是有效的表达式：在标出的位置无法解析"),
            at,
            help: tr!(
                "conditions are CEL expressions, e.g. `lead.type == 'provincial-society'`",
                "条件使用 CEL 表达式，如 `lead.type == 'provincial-society'`"
            ),
        }
    })?;
    let mut names = Names { vocab, bound: Vec::new(), roots: BTreeSet::new(), problem: None, info: program.source_info() };
    names.walk(program.expression());
    if let Some(p) = names.problem {
        return Err(p);
    }
    let mut types = types::Types::new(vocab);
    let ty = types.of(program.expression());
    if let Some((e, message, help)) = types.problem {
        return Err(Refusal { message, at: names.at(&e), help });
    }
    if want == Want::Bool
        && let Some(r) = types::want_bool(ty)
    {
        return Err(r);
    }
    let roots = names.roots;
    Ok(Expr { text: text.to_owned(), program: Arc::new(program), roots })
}

/// The char range `[from, to)` of `text` as a byte range.
fn char_range(text: &str, from: usize, to: usize) -> (usize, usize) {
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    (byte(from), byte(to).max(byte(from)))
}

/// The name check: walks the expression, knowing which comprehension variables are bound to
/// the entries of which root.
struct Names<'a> {
    vocab: &'a dyn Vocabulary,
    /// Comprehension variables in scope, with the root whose entries they range over.
    bound: Vec<(String, Option<String>)>,
    roots: BTreeSet<String>,
    problem: Option<Refusal>,
    info: &'a cel::common::ast::SourceInfo,
}

impl Names<'_> {
    /// Where a node stands in the expression, as a byte range. CEL records an inclusive char
    /// range for most nodes, and only the position of the dot for a selection (`a.b`), so a
    /// selection spans from its operand to the end of the field name.
    fn at(&self, e: &IdedExpr) -> Option<(usize, usize)> {
        let (a, b) = self.info.offset_for(e.id)?;
        let (a, b) = match &e.expr {
            Ast::Select(s) => {
                let start = self.info.offset_for(s.operand.id).map_or(a, |(x, _)| x);
                (start as usize, b as usize + 1 + s.field.chars().count())
            }
            // An operator is recorded at its symbol: it spans its operands.
            Ast::Call(c) if c.target.is_none() && c.func_name.starts_with('_') && c.args.len() >= 2 => {
                let first = self.at(&c.args[0]).map(|r| r.0);
                let last = self.at(&c.args[c.args.len() - 1]).map(|r| r.1);
                if let (Some(x), Some(y)) = (first, last) {
                    return Some((x, y));
                }
                (a as usize, b as usize + 1)
            }
            _ => (a as usize, b as usize + 1),
        };
        Some(char_range(&self.info.source, a, b))
    }

    fn refuse(&mut self, e: &IdedExpr, message: Text, help: Text) {
        if self.problem.is_none() {
            self.problem = Some(Refusal { message, at: self.at(e), help });
        }
    }

    fn walk(&mut self, e: &IdedExpr) {
        match &e.expr {
            Ast::Ident(name) => self.ident(e, name),
            Ast::Select(s) => {
                if let Ast::Ident(root) = &s.operand.expr {
                    self.ident(&s.operand, root);
                    self.key(e, root, &s.field);
                } else {
                    self.walk(&s.operand);
                }
            }
            Ast::Call(c) => {
                if let Some(t) = &c.target {
                    self.walk(t);
                }
                c.args.iter().for_each(|a| self.walk(a));
            }
            Ast::List(l) => l.elements.iter().for_each(|x| self.walk(x)),
            Ast::Map(m) => m.entries.iter().for_each(|x| self.entry(&x.expr)),
            Ast::Struct(s) => s.entries.iter().for_each(|x| self.entry(&x.expr)),
            Ast::Comprehension(c) => {
                self.walk(&c.iter_range);
                let over = match &c.iter_range.expr {
                    Ast::Ident(r) if ROOTS.iter().any(|(n, _, s)| n == r && *s == Shape::List) => Some(r.clone()),
                    _ => None,
                };
                self.bound.push((c.iter_var.clone(), over));
                if let Some(v2) = &c.iter_var2 {
                    self.bound.push((v2.clone(), None));
                }
                self.bound.push((c.accu_var.clone(), None));
                for x in [&c.accu_init, &c.loop_cond, &c.loop_step, &c.result] {
                    self.walk(x);
                }
                self.bound.truncate(self.bound.len() - if c.iter_var2.is_some() { 3 } else { 2 });
            }
            Ast::Literal(_) | Ast::Unspecified => {}
        }
    }

    fn entry(&mut self, e: &EntryExpr) {
        match e {
            EntryExpr::StructField(f) => self.walk(&f.value),
            EntryExpr::MapEntry(m) => {
                self.walk(&m.key);
                self.walk(&m.value);
            }
        }
    }

    fn ident(&mut self, e: &IdedExpr, name: &str) {
        if self.bound.iter().any(|(n, _)| n == name) {
            return;
        }
        if ROOTS.iter().any(|(n, ..)| *n == name) {
            self.roots.insert(name.to_owned());
            return;
        }
        let names: Vec<&str> = ROOTS.iter().map(|(n, ..)| *n).collect();
        let list = names.join(", ");
        let help = if name == "budget" {
            tr!(
                "amounts are not available to expressions (they are exact decimals); use the `amount` and `form.budget` rules",
                "表达式中不能使用金额（金额是精确小数）；请使用 `amount` 和 `form.budget` 规则"
            )
        } else {
            match crate::schema::suggest(name, names.iter().copied()) {
                Some(n) => tr!("did you mean `{n}`? expressions read: {list}", "是否应为 `{n}`？表达式可读取：{list}"),
                None => tr!("expressions read: {list}", "表达式可读取：{list}"),
            }
        };
        let message = if name == "budget" {
            tr!("expressions cannot read `budget`", "表达式不能读取 `budget`")
        } else {
            tr!("a draft has no part named `{name}`", "申报书中没有名为 `{name}` 的部分")
        };
        self.refuse(e, message, help);
    }

    /// `root.key`: the key must exist on the root's entries.
    fn key(&mut self, e: &IdedExpr, root: &str, key: &str) {
        let root = match self.bound.iter().rev().find(|(n, _)| n == root) {
            Some((_, Some(over))) => over.clone(),
            Some((_, None)) => return,
            None => root.to_owned(),
        };
        let Some((_, def, shape)) = ROOTS.iter().find(|(n, ..)| *n == root) else { return };
        if *shape != Shape::Object && !self.bound.iter().any(|(_, o)| o.as_deref() == Some(root.as_str())) {
            // A list's or map's own members (`size(team)`, `kpis.events`) are not checked here.
            return;
        }
        let mut keys = def.map(schema_keys).unwrap_or_default();
        keys.extend(self.vocab.keys(&root));
        if keys.iter().any(|k| k == key) {
            return;
        }
        keys.sort();
        let list = keys.join(", ");
        let help = match crate::schema::suggest(key, keys.iter().map(String::as_str)) {
            Some(n) => tr!("did you mean `{n}`? `{root}` has: {list}", "是否应为 `{n}`？`{root}` 包含：{list}"),
            None => tr!(
                "`{root}` has: {list}; a key the form lacks is declared under `fields:`",
                "`{root}` 包含：{list}；申报书中没有的字段请在 `fields:` 下声明"
            ),
        };
        self.refuse(e, tr!("`{root}` has no key `{key}`", "`{root}` 没有字段 `{key}`"), help);
    }
}

/// A requirement of the notice no built-in kind says, as an expression every draft in its
/// scope must satisfy.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckSpec {
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9-]*$"))]
    pub id: String,
    /// What must hold, as a CEL expression over the draft (`age(leader.birth_date, '2024-12-31') <= 35`).
    pub rule: String,
    /// The check applies only where this expression holds.
    #[serde(default)]
    pub when: Option<String>,
    /// Category paths it concerns; empty means all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The value the finding is labelled on, as a dotted path (`leader.birth_date`, `team`).
    pub field: String,
    /// The finding's message, in Chinese.
    pub message: String,
    /// The finding's message in English; the Chinese one when absent.
    #[serde(default)]
    pub message_en: Option<String>,
    /// The requirement in the notice's words (男性不超过35周岁、女性不超过38周岁).
    #[serde(default)]
    pub requires: Option<String>,
    /// What the applicant can do about it, in Chinese (请提供…; 请改由…担任负责人).
    #[serde(default)]
    pub help: Option<String>,
    /// The hint in English; the Chinese one when absent.
    #[serde(default)]
    pub help_en: Option<String>,
    /// True when the notice says 原则上: a warning, not an error.
    #[serde(default)]
    pub soft: bool,
    /// The clause that says so.
    pub source: Option<String>,
}

/// A check of the call's own (`checks:`): an expression every draft in its scope must satisfy.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub id: String,
    /// What must hold.
    pub rule: Expr,
    /// The check applies only where this holds.
    pub when: Option<Expr>,
    /// Category paths it concerns; empty means all.
    pub categories: Vec<String>,
    /// The JSON pointer of the value the finding is labelled on (`/leader/birth_date`).
    pub field: String,
    /// The finding's message.
    pub message: Text,
    /// The requirement in the notice's words.
    pub requires: Option<Text>,
    /// What the applicant can do about it.
    pub help: Option<Text>,
    /// 原则上: a warning, not an error.
    pub soft: bool,
    pub cite: crate::diagnostics::Citation,
}

/// Compiles the call's checks: each expression parsed and its names checked, the labelled field
/// a path a draft can have.
pub(crate) fn compile_checks(cx: &mut crate::compile::Cx, specs: &[CheckSpec], paths: &[String]) -> Vec<Check> {
    cx.items(specs, "/checks", |cx, c, ptr, cite| {
        cx.paths(&c.categories, &format!("{ptr}/categories"), paths);
        let rule = cx.expression(&c.rule, &format!("{ptr}/rule"));
        let when = c.when.as_ref().and_then(|w| cx.expression(w, &format!("{ptr}/when")));
        // The labelled path is checked like an expression: `leader.birth_date` names a key.
        let field_ok = cx.path_expression(&c.field, &format!("{ptr}/field")).is_some();
        let (Some(rule), true) = (rule, field_ok) else { return None };
        Some(Check {
            id: c.id.clone(),
            rule,
            when,
            categories: c.categories.clone(),
            field: format!("/{}", c.field.trim().replace('.', "/")),
            message: Text::new(c.message_en.clone().unwrap_or_else(|| c.message.clone()), c.message.clone()),
            requires: c.requires.as_ref().map(Text::from),
            help: c.help.as_ref().map(|zh| Text::new(c.help_en.clone().unwrap_or_else(|| zh.clone()), zh.clone())),
            soft: c.soft,
            cite,
        })
    })
}

impl crate::compile::Item for CheckSpec {
    fn what() -> Text {
        tr!("check", "检查项")
    }
    fn id(&self) -> Option<&str> {
        Some(&self.id)
    }
    fn source(&self) -> &Option<String> {
        &self.source
    }
}

/// The keys the application format gives a schema definition.
pub fn schema_keys(def: &str) -> Vec<String> {
    crate::schema::application_schema()
        .pointer(&format!("/$defs/{def}/properties"))
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// The values expressions are evaluated over: one per draft, built on first use from the
/// sections the call's expressions read.
pub struct Scope {
    cx: cel::Context<'static, 'static>,
}

impl fmt::Debug for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Scope")
    }
}

impl Scope {
    /// The scope of a draft: its sections `roots` (others are left out), the category path
    /// applied for and the call's id. The values at the `hidden` pointers read as null, so an
    /// expression reading one yields no answer.
    pub fn new(draft: &Value, roots: &BTreeSet<String>, category: Option<&str>, call: &str, hidden: &[String]) -> Scope {
        let mut cx = cel::Context::default();
        cx.add_function("age", age).expect("not a standard function");
        cx.add_function("months", months).expect("not a standard function");
        for root in roots {
            let value = match root.as_str() {
                "category" => category.map(|c| Value::String(c.to_owned())),
                "call" => Some(Value::String(call.to_owned())),
                r => draft.get(r).cloned().map(|mut v| {
                    let own = format!("/{r}");
                    for p in hidden {
                        if p == &own {
                            v = Value::Null;
                        } else if let Some(inner) = p.strip_prefix(&own).filter(|i| i.starts_with('/'))
                            && let Some(slot) = v.pointer_mut(inner)
                        {
                            *slot = Value::Null;
                        }
                    }
                    v
                }),
            };
            if let Some(v) = value.and_then(|v| cel::to_value(v).ok()) {
                cx.add_variable_from_value(root.clone(), v);
            }
        }
        Scope { cx }
    }

    /// Whether the expression holds; `None` when it cannot be evaluated on this draft (a key it
    /// reads is missing, a value has another type).
    pub fn holds(&self, e: &Expr) -> Option<bool> {
        match e.program.execute(&self.cx) {
            Ok(cel::Value::Bool(b)) => Some(b),
            _ => None,
        }
    }
}

/// `age(birth, at)`.
fn age(birth: Arc<String>, at: Arc<String>) -> cel::ResolveResult {
    let (Some(b), Some(a)) = (date(&birth), date(&at)) else {
        return Err(cel::ExecutionError::function_error("age", "expects dates written YYYY-MM-DD or YYYY-MM"));
    };
    Ok(cel::Value::Int(i64::from(a.years_since(b).unwrap_or(0))))
}

/// `months(start, end)`.
fn months(start: Arc<String>, end: Arc<String>) -> cel::ResolveResult {
    use chrono::Datelike;
    let (Some(s), Some(e)) = (date(&start), date(&end)) else {
        return Err(cel::ExecutionError::function_error("months", "expects dates written YYYY-MM-DD or YYYY-MM"));
    };
    let mut n = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32;
    if e.day() < s.day() {
        n -= 1;
    }
    Ok(cel::Value::Int(i64::from(n)))
}

/// A date written `YYYY-MM-DD` (a time after it is ignored) or `YYYY-MM` (the first of the month).
fn date(s: &str) -> Option<chrono::NaiveDate> {
    let head = s.get(..10).unwrap_or(s);
    chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .or_else(|| chrono::NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Declared;
    impl Vocabulary for Declared {
        fn keys(&self, root: &str) -> Vec<String> {
            if root == "leader" || root == "team" { vec!["birth_date".into(), "sex".into(), "member".into()] } else { Vec::new() }
        }
        fn ty(&self, _root: &str, key: &str) -> Option<Ty> {
            Some(match key {
                "member" => Ty::Bool,
                _ => Ty::Text,
            })
        }
    }

    fn holds(expr: &str, draft: serde_json::Value) -> Option<bool> {
        let e = compile(expr, &Declared, Want::Bool).expect("compiles");
        Scope::new(&draft, &e.roots, Some("key/forum"), "test", &[]).holds(&e)
    }

    #[test]
    fn expressions_read_the_draft() {
        let d = serde_json::json!({ "lead": { "type": "provincial-society" }, "leader": { "birth_date": "1990-06-01", "sex": "女" },
            "team": [{ "name": "甲", "title": "研究员" }, { "name": "乙" }] });
        assert_eq!(holds("lead.type == 'provincial-society'", d.clone()), Some(true));
        assert_eq!(holds("age(leader.birth_date, '2025-05-31') <= (leader.sex == '女' ? 38 : 35)", d.clone()), Some(true));
        assert_eq!(holds("age(leader.birth_date, '2025-06-01') == 35", d.clone()), Some(true));
        assert_eq!(holds("size(team) >= 2 && team.exists(m, m.name == '乙')", d.clone()), Some(true));
        assert_eq!(holds("category.startsWith('key/')", d.clone()), Some(true));
        // A key the draft lacks: no answer, never a guess.
        assert_eq!(holds("contact.name == '丙'", d.clone()), None);
        assert_eq!(holds("has(contact.name)", serde_json::json!({ "contact": {} })), Some(false));
        assert_eq!(holds("months('2023-05-01', '2023-10-31') == 5", d), Some(true));
    }

    #[test]
    fn names_are_checked_when_compiled() {
        let refused = |e: &str| compile(e, &Declared, Want::Bool).expect_err("refused");
        let r = refused("leader.birth_dat < '1990-01-01'");
        assert_eq!(r.message.en, "`leader` has no key `birth_dat`");
        assert!(r.help.en.starts_with("did you mean `birth_date`?"), "{:?}", r.help);
        assert_eq!(r.at.map(|(a, b)| &"leader.birth_dat < '1990-01-01'"[a..b]), Some("leader.birth_dat"));
        assert_eq!(refused("leeder.name == ''").message.en, "a draft has no part named `leeder`");
        assert!(refused("budget.requested > 5").help.en.starts_with("amounts are not available"));
        assert!(refused("team.all(m, m.titel != '')").message.en.contains("no key `titel`"));
        assert!(refused("lead.type ==").message.en.starts_with("not a valid expression"));
        assert!(compile("team.all(m, m.title != '' && m.sex == '男')", &Declared, Want::Bool).is_ok());
    }

    #[test]
    fn types_that_can_never_make_sense_are_refused() {
        let refused = |e: &str, want: Want| compile(e, &Declared, want).expect_err(e);
        // A condition that is not true or false would make its requirement never apply.
        assert!(refused("leader.birth_date", Want::Bool).message.en.starts_with("a condition must be true or false"));
        assert!(refused("size(team) + 1", Want::Bool).message.en.contains("a number"));
        assert!(refused("'是'", Want::Bool).message.en.contains("a text"));
        // A yes-or-no field compared with text never holds.
        let r = refused("leader.member == '是'", Want::Bool);
        assert_eq!(r.message.en, "compares true or false with a text: it can never hold");
        assert!(r.help.zh.contains("true"), "{:?}", r.help);
        assert_eq!(r.at.map(|(a, b)| &"leader.member == '是'"[a..b]), Some("leader.member == '是'"));
        assert!(refused("team.exists(m, m.member == 1)", Want::Bool).message.en.starts_with("compares true or false with a number"));
        assert!(refused("leader.sex && true", Want::Bool).message.en.starts_with("`&&` joins conditions"));
        assert!(refused("age(leader.birth_date, '2025-01-01') == '35'", Want::Bool).message.en.contains("a number with a text"));
        // What is well typed, or not known, passes; a path names a value of any type.
        for ok in [
            "leader.member",
            "!leader.member && leader.sex == '女'",
            "leader.member == true",
            "age(leader.birth_date, '2025-01-01') <= (leader.sex == '女' ? 38 : 35)",
            "team.all(m, m.member)",
            "kpis.events >= 3",
            "leader.sex == null || leader.sex != ''",
            "has(leader.birth_date)",
            "category in ['key/forum', 'general']",
        ] {
            assert!(compile(ok, &Declared, Want::Bool).is_ok(), "{ok}: {:?}", compile(ok, &Declared, Want::Bool).err());
        }
        assert!(compile("leader.birth_date", &Declared, Want::Value).is_ok());
    }

    #[test]
    fn hidden_values_give_no_answer() {
        let d = serde_json::json!({ "leader": { "birth_date": "1990-6-1", "sex": "女" } });
        // As text, 1990-6-1 sorts after 1990-10-01: only hiding the rejected value avoids a wrong answer.
        let e = compile("leader.birth_date < '1990-10-01'", &Declared, Want::Bool).expect("compiles");
        assert_eq!(Scope::new(&d, &e.roots, None, "t", &[]).holds(&e), Some(false));
        assert_eq!(Scope::new(&d, &e.roots, None, "t", &["/leader/birth_date".into()]).holds(&e), None);
        assert_eq!(Scope::new(&d, &e.roots, None, "t", &["/leader".into()]).holds(&e), None);
    }

    #[test]
    fn parse_errors_are_not_english_in_chinese() {
        let r = compile("lead.type ==", &Declared, Want::Bool).expect_err("refused");
        assert!(!r.message.zh.chars().any(|c| c.is_ascii_alphabetic()), "{}", r.message.zh);
        assert!(r.at.is_some());
    }
}
