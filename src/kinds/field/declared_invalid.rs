//! `field.invalid`: a value of a declared field is not of its type, or not one of its choices.
use serde_json::Value;

use super::{Field, FieldType};
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "field.invalid",
        summary: "a value of a field the call declares is not of the field's type or not one of its choices",
        doc: "A declared field has a type (text, a whole number, an amount, a date, one or several of the \
              notice's choices, yes or no). A value of another type, or a choice the notice does not list, \
              is an error labelled on the value; the closest choice is suggested.",
        summary_zh: "通知声明字段的值类型不对，或不是其选项之一",
        doc_zh: "声明的字段有类型（文本、整数、金额、日期、通知所列选项中的一项或几项、是或否）。\
                 其他类型的值，或通知未列出的选项，均为错误，标注在该值上，并给出最接近的选项。",
    },
    check,
};

/// Whether a value counts as not filled in: absent, null, blank text or an empty list.
pub(super) fn empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}

/// Why a value does not fit its field, if it does not.
pub(super) fn problem(f: &Field, v: &Value) -> Option<Text> {
    let fits = match f.kind {
        FieldType::Text => v.is_string(),
        FieldType::Integer => v.is_i64() || v.is_u64(),
        FieldType::Money => match v {
            Value::Number(n) => n.is_u64(),
            Value::String(s) => s.parse::<crate::values::Money>().is_ok(),
            _ => false,
        },
        // Written in full (1983-09-01): expressions compare dates as text, so 1983-9-1 would
        // sort after 1983-10-01.
        FieldType::Date => v.as_str().is_some_and(|s| {
            let b = s.as_bytes();
            b.len() == 10
                && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
                && s.parse::<crate::values::When>().is_ok()
        }),
        FieldType::YesNo => v.is_boolean(),
        FieldType::Choice => {
            let Some(s) = v.as_str() else { return Some(f.kind.words()) };
            return (!f.choices.iter().any(|c| c == s)).then(|| not_a_choice(f, s));
        }
        FieldType::Choices => {
            let Some(items) = v.as_array() else { return Some(f.kind.words()) };
            for item in items {
                let Some(s) = item.as_str() else { return Some(f.kind.words()) };
                if !f.choices.iter().any(|c| c == s) {
                    return Some(not_a_choice(f, s));
                }
            }
            true
        }
    };
    (!fits).then(|| f.kind.words())
}

/// A declared field as findings name it: its label, then the key path of the value
/// (`出生日期（leader.birth_date）`).
pub(super) fn named(f: &Field, pointer: &str) -> Text {
    let at = crate::schema::display_path(pointer);
    Text::new(format!("{} ({at})", f.label.en), format!("{}（{at}）", f.label.zh))
}

fn not_a_choice(f: &Field, s: &str) -> Text {
    let list = f.choices.join("、");
    match crate::schema::suggest(s, f.choices.iter().map(String::as_str)) {
        Some(n) => tr!("one of: {list} (did you mean `{n}`?)", "以下之一：{list}（是否应为 `{n}`？）"),
        None => tr!("one of: {list}", "以下之一：{list}"),
    }
}

fn check(cx: &mut Ctx) {
    for f in &cx.call.fields {
        if !cx.in_scope(&f.categories, None) {
            continue;
        }
        for p in f.pointers(&cx.doc.value) {
            let Some(v) = cx.doc.value.pointer(&p) else { continue };
            if empty(Some(v)) {
                continue;
            }
            let Some(wanted) = problem(f, v) else { continue };
            let shown = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let name = named(f, &p);
            let fd = cx
                .finding(
                    RULE.info,
                    Severity::Error,
                    Text::new(
                        format!("{} is `{shown}`, not {}", name.en, wanted.en),
                        format!("{}填写为 `{shown}`，应为{}", name.zh, wanted.zh),
                    ),
                    &p,
                    Text::new(format!("not {}", wanted.en), format!("应为{}", wanted.zh)),
                )
                .requires(f.words())
                .cite(Some(f.cite.clone()))
                .with_help(Text::new(format!("write {}", wanted.en), format!("请填写{}", wanted.zh)));
            cx.push(fd);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn a_choice_the_notice_does_not_list() {
        let out = check(&edit(&[("  name: 人工智能产业学术交流", "  name: 人工智能产业学术交流\n  topic: 产业升极")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "field.invalid").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }

    #[test]
    fn a_date_written_without_leading_zeros() {
        let out = check(&edit(&[("leader: { name: 张三,", "leader: { name: 张三, birth_date: 1983-9-1,")]));
        assert!(out.codes().contains(&"field.invalid"), "{:?}", out.codes());
        // The age check reading it stays silent: the value is already reported.
        assert!(!out.codes().contains(&"check.failed"), "{:?}", out.codes());
    }

    #[test]
    fn a_date_that_is_not_a_date() {
        let out = check(&edit(&[("leader: { name: 张三,", "leader: { name: 张三, birth_date: 1990年6月,")]));
        assert!(out.codes().contains(&"field.invalid"), "{:?}", out.codes());
    }
}
