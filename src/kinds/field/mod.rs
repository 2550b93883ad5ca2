//! The `field` kind: fields of the form. The built-in ones have formats (mobile, e-mail,
//! postal code) and length limits (`form.text_limits`); a call may also declare fields of its
//! own form (`fields:`) that the generic application format lacks: a birth date for an age
//! limit, a degree, membership, a topic from the notice's list, a recommender.
//!
//! A declared field names where it sits (`at:` project, lead, leader, contact, member, joint,
//! partner), its label as printed on the form, its type, whether it is required (always, or
//! `when:` an expression holds, or only in some `categories:`), and its bounds or vocabulary:
//!
//! ```yaml
//! fields:
//!   - { id: birth_date, at: leader, label: 出生日期, type: date, required: true, max: 1989-01-01, source: c5 }
//!   - { id: topic, at: project, label: 选题方向, type: choice, choices: [乡村振兴, 产业升级], required: true, source: c2 }
//! ```
//!
//! In a draft the value sits beside the built-in keys of its place (`leader: { name: 张三,
//! birth_date: 1990-06-01 }`; `team: [{ name: 李四, degree: 博士 }]`). The generic schema does
//! not know the key; the validator takes it as the call's own and checks it here.

mod contact_email;
mod contact_mobile;
mod contact_postal_code;
mod declared_invalid;
mod declared_missing;
mod declared_range;
pub mod form;
pub mod schema;
mod text_length;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::Value;

use crate::diagnostics::Citation;
use crate::i18n::Text;
use crate::kinds::Kind;
use crate::kinds::bounds::{Bounds, Scale};
use crate::kinds::condition::Expr;
use crate::tr;
use crate::values::{Money, When};

pub const KIND: Kind = Kind {
    name: "field",
    rules: &[
        &contact_mobile::RULE,
        &contact_email::RULE,
        &contact_postal_code::RULE,
        &text_length::RULE,
        &declared_missing::RULE,
        &declared_invalid::RULE,
        &declared_range::RULE,
    ],
};

// ── spec syntax ──────────────────────────────────────────────────────────────────────────────

/// A field of the call's own form (申报书) that the generic application format lacks.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// The key in the draft, beside the built-in keys of its place (`birth_date`).
    #[schemars(regex(pattern = r"^[a-z][a-z0-9_]*$"))]
    pub id: String,
    /// Where it sits in the form.
    pub at: Place,
    /// The form's label for it, as printed (出生日期).
    pub label: String,
    /// An English label for English output; the id when absent.
    #[serde(default)]
    pub label_en: Option<String>,
    /// What the value is.
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// True when every draft in scope must fill it (须填写).
    #[serde(default)]
    pub required: bool,
    /// The field is asked for only where this expression holds (CEL, e.g. `lead.type == 'university'`).
    #[serde(default)]
    pub when: Option<String>,
    /// Category paths whose form has it; empty means all.
    #[serde(default)]
    pub categories: Vec<String>,
    /// For `choice` and `choices`: the values the notice lists.
    #[serde(default)]
    pub choices: Vec<String>,
    /// The least value: a number for `integer` and `money`, a date for `date`.
    #[serde(default)]
    pub min: Option<Scalar>,
    /// The most value: a number for `integer` and `money`, a date for `date` (出生日期不早于…
    /// is a `min`; …以后出生 too).
    #[serde(default)]
    pub max: Option<Scalar>,
    /// For `text`: the fewest characters.
    #[serde(default)]
    pub min_chars: Option<u32>,
    /// For `text`: the most characters.
    #[serde(default)]
    pub max_chars: Option<u32>,
    /// For `choices`: the fewest values to pick.
    #[serde(default)]
    pub min_items: Option<u32>,
    /// For `choices`: the most values to pick.
    #[serde(default)]
    pub max_items: Option<u32>,
    /// True when the notice says 原则上: a value out of bounds is a warning.
    #[serde(default)]
    pub soft: bool,
    /// The clause that says so.
    pub source: Option<String>,
}

/// Where a field sits in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Place {
    /// 项目基本情况 (`project:`).
    Project,
    /// 第一申报单位 (`lead:`).
    Lead,
    /// 项目负责人 (`leader:`).
    Leader,
    /// 项目联系人 (`contact:`).
    Contact,
    /// Each team member (`team:` entries).
    Member,
    /// Each joint applicant (`joint:` entries).
    Joint,
    /// Each participating organisation (`partners:` entries).
    Partner,
}

impl Place {
    /// The draft section and whether it is a list of entries.
    pub fn section(self) -> (&'static str, bool) {
        match self {
            Place::Project => ("project", false),
            Place::Lead => ("lead", false),
            Place::Leader => ("leader", false),
            Place::Contact => ("contact", false),
            Place::Member => ("team", true),
            Place::Joint => ("joint", true),
            Place::Partner => ("partners", true),
        }
    }

    /// The application format's schema definition of an entry there.
    pub fn def(self) -> &'static str {
        match self {
            Place::Project => "Project",
            Place::Lead => "Organisation",
            Place::Leader | Place::Contact => "Person",
            Place::Member => "Member",
            Place::Joint | Place::Partner => "OtherOrganisation",
        }
    }

    /// The form's name for the place.
    pub fn name(self) -> Text {
        match self {
            Place::Project => Text::new("the project", "项目基本情况"),
            Place::Lead => Text::new("the lead applicant", "第一申报单位"),
            Place::Leader => Text::new("the project leader", "项目负责人"),
            Place::Contact => Text::new("the contact", "项目联系人"),
            Place::Member => Text::new("each team member", "每位团队成员"),
            Place::Joint => Text::new("each joint applicant", "每个联合申报单位"),
            Place::Partner => Text::new("each participating organisation", "每个参与单位"),
        }
    }
}

/// What a field's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    /// Text (限N字 with `max_chars`).
    Text,
    /// A whole number.
    Integer,
    /// An amount in the call's money unit, exact.
    Money,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// One of `choices`.
    Choice,
    /// Several of `choices` (a list).
    Choices,
    /// Yes or no (`true` / `false`): 是否已建立党组织.
    YesNo,
}

/// A bound written as a number or a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number or a date")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Scalar, E> {
                Ok(Scalar(s.to_owned()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Scalar {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scalar".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "description": "A number, or a date written YYYY-MM-DD.", "type": ["integer", "string"] })
    }
}

/// A text-length limit.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename = "TextLimit")]
pub struct TextLimitSpec {
    /// The application field, as a dotted path (`project.summary`).
    #[schemars(extend("x-required" = true))]
    pub field: Option<String>,
    #[serde(default)]
    pub max_chars: Option<u32>,
    #[serde(default)]
    pub min_chars: Option<u32>,
    /// The clause that says so.
    pub source: Option<String>,
}

// ── model ────────────────────────────────────────────────────────────────────────────────────

/// A declared field, compiled.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub id: String,
    pub place: Place,
    pub label: Text,
    pub kind: FieldType,
    pub required: bool,
    pub when: Option<Expr>,
    pub categories: Vec<String>,
    pub choices: Vec<String>,
    pub limits: Limits,
    pub cite: Citation,
}

/// The bounds of a field, by its type.
#[derive(Debug, Clone, PartialEq)]
pub enum Limits {
    None,
    Integer(Bounds<i64>),
    Money(Bounds<Money>),
    Date(Bounds<When>),
    Chars(Bounds<u32>),
    Items(Bounds<u32>),
}

impl Field {
    /// The JSON pointers of the field in a draft: one, or one per entry of a list place.
    pub fn pointers(&self, draft: &Value) -> Vec<String> {
        let (section, list) = self.place.section();
        if !list {
            return vec![format!("/{section}/{}", self.id)];
        }
        let n = draft.get(section).and_then(Value::as_array).map_or(0, Vec::len);
        (0..n).map(|i| format!("/{section}/{i}/{}", self.id)).collect()
    }

    /// The field as the guide lists it: where it sits, its label and what the notice asks
    /// (`项目负责人·出生日期：须填写；不早于 1987-01-01`).
    pub fn line(&self) -> Text {
        let (place, words) = (self.place.name(), self.words_for(self.when.is_some()));
        Text::new(format!("{}, {}: {}", place.en, self.label.en, words.en), format!("{}·{}：{}", place.zh, self.label.zh, words.zh))
    }

    /// What the notice asks of the value, in words: `须填写；不晚于 1989-01-01` (for a draft the
    /// requirement applies to).
    pub fn words(&self) -> Text {
        self.words_for(false)
    }

    /// The words, saying so when the field is required only in some cases (`conditional`).
    fn words_for(&self, conditional: bool) -> Text {
        let mut parts: Vec<Text> = Vec::new();
        if self.required && conditional {
            // The condition is the notice's (its clause says when); the expression is for authors.
            parts.push(Text::new("required where the notice says", "按通知所述情形须填写"));
        } else if self.required {
            parts.push(Text::new("required", "须填写"));
        }
        // A type whose notice sets no bound says nothing of bounds.
        match &self.limits {
            Limits::None => {}
            Limits::Integer(b) if b.min.is_some() || b.max.is_some() => parts.push(b.words("", Scale::Count)),
            Limits::Money(b) if b.min.is_some() || b.max.is_some() => parts.push(b.words("", Scale::Count)),
            Limits::Date(b) if b.min.is_some() || b.max.is_some() => parts.push(b.words("", Scale::Time)),
            Limits::Chars(b) if b.min.is_some() || b.max.is_some() => parts.push(b.words("字", Scale::Count)),
            Limits::Items(b) if b.min.is_some() || b.max.is_some() => parts.push(b.words("项", Scale::Count)),
            _ => {}
        }
        if !self.choices.is_empty() {
            // Choices that hold the list's own separator are quoted, so the list reads one way.
            let list = if self.choices.iter().any(|c| c.contains('、')) {
                self.choices.iter().map(|c| format!("“{c}”")).collect::<Vec<_>>().join("、")
            } else {
                self.choices.join("、")
            };
            parts.push(match self.kind {
                FieldType::Choices => tr!("from: {list}", "从以下选择：{list}"),
                _ => tr!("one of: {list}", "以下之一：{list}"),
            });
        }
        if parts.is_empty() {
            return self.kind.words();
        }
        Text::new(
            parts.iter().map(|p| p.en.clone()).collect::<Vec<_>>().join("; "),
            parts.iter().map(|p| p.zh.clone()).collect::<Vec<_>>().join("；"),
        )
    }
}

impl FieldType {
    /// The type in words.
    pub fn words(self) -> Text {
        match self {
            FieldType::Text => Text::new("text", "文字"),
            FieldType::Integer => Text::new("a whole number", "整数"),
            FieldType::Money => Text::new("an amount", "金额"),
            FieldType::Date => Text::new("a date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"),
            FieldType::Choice => Text::new("one of the listed values", "所列选项之一"),
            FieldType::Choices => Text::new("a list of the listed values", "所列选项（可多选）"),
            FieldType::YesNo => Text::new("yes or no (true / false)", "是或否（true / false）"),
        }
    }
}

/// Whether a filled-in value of a declared field is rejected (not of its type, not one of its
/// choices): what `field.invalid` reports.
pub fn rejects(f: &Field, v: &Value) -> bool {
    !declared_invalid::empty(Some(v)) && declared_invalid::problem(f, v).is_some()
}

/// The declared fields of a call, by draft section: what expressions may name besides the
/// application format's own keys.
pub struct Declared<'a>(pub &'a [FieldSpec]);

impl crate::kinds::condition::Vocabulary for Declared<'_> {
    fn keys(&self, root: &str) -> Vec<String> {
        self.0.iter().filter(|f| f.at.section().0 == root).map(|f| f.id.clone()).collect()
    }
    fn ty(&self, root: &str, key: &str) -> Option<crate::kinds::condition::Ty> {
        use crate::kinds::condition::Ty;
        let f = self.0.iter().find(|f| f.at.section().0 == root && f.id == key)?;
        Some(match f.kind {
            FieldType::Text | FieldType::Date | FieldType::Choice => Ty::Text,
            FieldType::Integer => Ty::Number,
            FieldType::Choices => Ty::List,
            FieldType::YesNo => Ty::Bool,
            // Money is not for expressions (exact decimals); its type is left open.
            FieldType::Money => Ty::Unknown,
        })
    }
}

/// Takes the values of declared fields out of a draft, with their pointers, so that the schema
/// check and the typed read see the application format alone; [`restore`] puts them back.
pub fn take(fields: &[Field], draft: &mut Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for f in fields {
        let (section, list) = f.place.section();
        let Some(at) = draft.get_mut(section) else { continue };
        let mut one = |entry: &mut Value, ptr: String| {
            if let Some(v) = entry.as_object_mut().and_then(|m| m.remove(&f.id)) {
                out.push((ptr, v));
            }
        };
        match (list, at) {
            (false, entry) => one(entry, format!("/{section}/{}", f.id)),
            (true, Value::Array(entries)) => {
                for (i, e) in entries.iter_mut().enumerate() {
                    one(e, format!("/{section}/{i}/{}", f.id));
                }
            }
            _ => {}
        }
    }
    out
}

/// Puts back what [`take`] took, in place: the draft is as it was read.
pub fn restore(draft: &mut Value, taken: Vec<(String, Value)>) {
    for (ptr, v) in taken {
        let (parent, key) = ptr.rsplit_once('/').expect("pointers have a parent");
        if let Some(Value::Object(m)) = draft.pointer_mut(parent) {
            m.insert(key.to_owned(), v);
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextLimit {
    pub field: String,
    pub min_chars: Option<u32>,
    pub max_chars: Option<u32>,
    pub cite: Citation,
}

// ── compile ──────────────────────────────────────────────────────────────────────────────────

/// Compiles the declared fields: ids unique per place and not taken by the application format,
/// bounds of the field's type, choices where the type takes them, expressions checked.
pub(crate) fn compile(cx: &mut crate::compile::Cx, specs: &[FieldSpec], paths: &[String]) -> Vec<Field> {
    use crate::compile::codes::FIELD;
    let ids = specs.iter().enumerate().map(|(i, f)| (format!("{}.{}", f.at.section().0, f.id), format!("/fields/{i}/id")));
    let ids: Vec<(String, String)> = ids.collect();
    cx.duplicates(ids.iter().map(|(k, p)| (Some(k.as_str()), p.clone())), tr!("field", "申报书字段"));
    let mut out = Vec::new();
    for (i, f) in specs.iter().enumerate() {
        let ptr = format!("/fields/{i}");
        let cite = cx.cite(&f.source, &ptr, tr!("field", "申报书字段"));
        cx.paths(&f.categories, &format!("{ptr}/categories"), paths);
        let builtin = crate::kinds::condition::schema_keys(f.at.def());
        if builtin.contains(&f.id) {
            let where_ = f.at.name();
            cx.error(
                FIELD,
                Text::new(
                    format!("`{}` is already a key of {} in the application format", f.id, where_.en),
                    format!("`{}` 已是申报书格式中{}的字段", f.id, where_.zh),
                ),
                &format!("{ptr}/id"),
                tr!("built-in key", "内置字段"),
            )
            .help = Some(tr!(
                "declare only what the generic form lacks; limit a built-in text with `form.text_limits`",
                "只声明通用申报书没有的字段；内置文本字段的字数请用 `form.text_limits` 限制"
            ));
        }
        let when = f.when.as_ref().and_then(|w| cx.expression(w, &format!("{ptr}/when")));
        let wants_choices = matches!(f.kind, FieldType::Choice | FieldType::Choices);
        if wants_choices && f.choices.is_empty() {
            cx.error(
                FIELD,
                tr!("field `{}` has no `choices`", "字段 `{}` 没有 `choices`", f.id),
                &format!("{ptr}/type"),
                tr!("a choice of what?", "缺少选项"),
            );
        } else if !wants_choices && !f.choices.is_empty() {
            cx.error(
                FIELD,
                tr!("field `{}` lists `choices` but is not a choice", "字段 `{}` 列出了 `choices` 但不是选择型", f.id),
                &format!("{ptr}/choices"),
                tr!("choices of a non-choice", "非选择型字段的选项"),
            )
            .help = Some(tr!("use `type: choice` or `type: choices`", "请使用 `type: choice` 或 `type: choices`"));
        }
        let limits = limits(cx, f, &ptr);
        out.push(Field {
            id: f.id.clone(),
            place: f.at,
            label: Text::new(f.label_en.clone().unwrap_or_else(|| f.id.replace('_', " ")), f.label.clone()),
            kind: f.kind,
            required: f.required,
            when,
            categories: f.categories.clone(),
            choices: f.choices.clone(),
            limits,
            cite,
        });
    }
    out
}

/// The bounds a field's type takes; a bound of the wrong kind is an authoring error.
fn limits(cx: &mut crate::compile::Cx, f: &FieldSpec, ptr: &str) -> Limits {
    use crate::compile::codes::FIELD;
    let soft = f.soft;
    let wrong = |cx: &mut crate::compile::Cx, key: &str, what: Text| {
        cx.error(
            FIELD,
            Text::new(
                format!("`{key}` does not apply here: the field is {}", f.kind.words().en),
                format!("`{key}` 不适用于此字段：该字段为{}", f.kind.words().zh),
            ),
            &format!("{ptr}/{key}"),
            tr!("not for this type", "不适用于此类型"),
        )
        .help = Some(what);
    };
    let chars = (f.min_chars, f.max_chars);
    let items = (f.min_items, f.max_items);
    let numeric = (&f.min, &f.max);
    if f.kind != FieldType::Text && (chars.0.is_some() || chars.1.is_some()) {
        wrong(cx, if chars.0.is_some() { "min_chars" } else { "max_chars" }, tr!("lengths are for `type: text`", "字数只用于文本字段"));
    }
    if f.kind != FieldType::Choices && (items.0.is_some() || items.1.is_some()) {
        wrong(
            cx,
            if items.0.is_some() { "min_items" } else { "max_items" },
            tr!("counts of picks are for `type: choices`", "选项个数只用于多选字段"),
        );
    }
    let takes_bounds = matches!(f.kind, FieldType::Integer | FieldType::Money | FieldType::Date);
    if !takes_bounds && (numeric.0.is_some() || numeric.1.is_some()) {
        wrong(
            cx,
            if numeric.0.is_some() { "min" } else { "max" },
            tr!("`min` and `max` are for numbers, amounts and dates", "`min` 和 `max` 只用于数值、金额和日期"),
        );
        return Limits::None;
    }
    // Parses a bound; reports one that is not of the field's type.
    fn parse<T: std::str::FromStr>(cx: &mut crate::compile::Cx, s: &Option<Scalar>, key: &str, ptr: &str, what: Text) -> Option<T> {
        let s = s.as_ref()?;
        match s.0.trim().parse::<T>() {
            Ok(v) => Some(v),
            Err(_) => {
                cx.error(
                    crate::compile::codes::FIELD,
                    Text::new(format!("`{}` is not {}", s.0, what.en), format!("`{}` 不是{}", s.0, what.zh)),
                    &format!("{ptr}/{key}"),
                    tr!("not of the field's type", "与字段类型不符"),
                );
                None
            }
        }
    }
    let ordered = |cx: &mut crate::compile::Cx, bad: bool| {
        if bad {
            cx.error(
                crate::compile::codes::MIN_MAX,
                tr!("`min` is above `max`", "`min` 大于 `max`"),
                &format!("{ptr}/min"),
                tr!("minimum", "下限"),
            );
        }
    };
    match f.kind {
        FieldType::Integer => {
            let (a, b) = (
                parse::<i64>(cx, &f.min, "min", ptr, tr!("a whole number", "整数")),
                parse::<i64>(cx, &f.max, "max", ptr, tr!("a whole number", "整数")),
            );
            ordered(cx, matches!((a, b), (Some(a), Some(b)) if a > b));
            Limits::Integer(Bounds { min: a, max: b, soft })
        }
        FieldType::Money => {
            let (a, b) = (
                parse::<Money>(cx, &f.min, "min", ptr, tr!("an amount", "金额")),
                parse::<Money>(cx, &f.max, "max", ptr, tr!("an amount", "金额")),
            );
            ordered(cx, matches!((a, b), (Some(a), Some(b)) if a > b));
            Limits::Money(Bounds { min: a, max: b, soft })
        }
        FieldType::Date => {
            let (a, b) = (
                parse::<When>(cx, &f.min, "min", ptr, tr!("a date", "日期")),
                parse::<When>(cx, &f.max, "max", ptr, tr!("a date", "日期")),
            );
            ordered(cx, matches!((a, b), (Some(a), Some(b)) if a > b));
            Limits::Date(Bounds { min: a, max: b, soft })
        }
        FieldType::Text if chars.0.is_some() || chars.1.is_some() => {
            ordered(cx, matches!(chars, (Some(a), Some(b)) if a > b));
            Limits::Chars(Bounds { min: chars.0, max: chars.1, soft })
        }
        FieldType::Choices if items.0.is_some() || items.1.is_some() => {
            ordered(cx, matches!(items, (Some(a), Some(b)) if a > b));
            Limits::Items(Bounds { min: items.0, max: items.1, soft })
        }
        _ => Limits::None,
    }
}

/// Compiles the length limits on built-in text fields (`form.text_limits`): each names a text
/// field of the application format and has a bound.
pub(crate) fn text_limits(cx: &mut crate::compile::Cx, specs: &[TextLimitSpec]) -> Vec<TextLimit> {
    use crate::compile::codes::{MIN_MAX, UNKNOWN_FIELD};
    use crate::schema::suggest;
    let known: Vec<&str> = crate::application::TEXT_FIELDS.iter().map(|(p, _)| *p).collect();
    specs
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let p = format!("/form/text_limits/{i}");
            let field = t.field.clone().unwrap_or_default();
            if t.field.is_some() && !known.contains(&field.as_str()) {
                let near = suggest(&field, known.iter().copied()).map(str::to_owned);
                let fnd = cx.error(
                    UNKNOWN_FIELD,
                    tr!("`{field}` is not a text field of the application format", "`{field}` 不是申报书格式中的文本字段"),
                    &format!("{p}/field"),
                    tr!("unknown field", "未知字段"),
                );
                let known = known.join(", ");
                fnd.help = Some(match near {
                    Some(n) => tr!("did you mean `{n}`? text fields: {known}", "是否应为 `{n}`？文本字段：{known}"),
                    None => tr!("text fields: {known}", "文本字段：{known}"),
                });
            }
            let bound_unusable = cx.unusable(&format!("{p}/min_chars")) || cx.unusable(&format!("{p}/max_chars"));
            if t.min_chars.is_none() && t.max_chars.is_none() && !bound_unusable {
                cx.error(
                    MIN_MAX,
                    tr!(
                        "text limit on `{field}` has neither `min_chars` nor `max_chars`",
                        "`{field}` 的字数限制既无 `min_chars` 也无 `max_chars`"
                    ),
                    &p,
                    tr!("no bound", "缺少界限"),
                );
            }
            cx.min_max(t.min_chars, t.max_chars, &p, "min_chars", "max_chars");
            TextLimit {
                field, min_chars: t.min_chars, max_chars: t.max_chars, cite: cx.cite(&t.source, &p, tr!("text limit", "字数限制"))
            }
        })
        .collect()
}
