//! `field.out-of-range`: a value of a declared field lies outside the bounds the notice sets.
use serde_json::Value;

use super::Limits;
use crate::kinds::bounds::Miss;
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "field.out-of-range",
        summary: "a value of a field the call declares lies outside the notice's bounds",
        doc: "A declared field may carry bounds: a least or greatest number or amount, an earliest or latest \
              date (1989年1月1日以后出生 is a least birth date), a length in characters, a number of picks. \
              A value outside them is an error, or a warning where the notice says 原则上.",
        summary_zh: "通知声明字段的值超出通知的界限",
        doc_zh: "声明的字段可带界限：数字或金额的最小值、最大值，日期的最早、最晚值（1989年1月1日以后出生即为出生日\
                 期的最早值），字数，可选的项数。超出界限为错误，通知写“原则上”时为警告。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    for f in &cx.call.fields {
        if matches!(f.limits, Limits::None) || !cx.in_scope(&f.categories, None) {
            continue;
        }
        for p in f.pointers(&cx.doc.value) {
            let Some(v) = cx.doc.value.pointer(&p) else { continue };
            if super::declared_invalid::empty(Some(v)) || super::declared_invalid::problem(f, v).is_some() {
                continue;
            }
            let (miss, soft, shown) = match (&f.limits, v) {
                (Limits::Integer(b), _) => (v.as_i64().and_then(|n| b.miss(n)), b.soft, v.to_string()),
                (Limits::Money(b), _) => {
                    let m = match v {
                        Value::String(s) => s.parse().ok(),
                        Value::Number(n) => n.as_u64().map(|n| crate::values::Money(n.into())),
                        _ => None,
                    };
                    (m.and_then(|m| b.miss(m)), b.soft, m.map_or_else(String::new, |m| m.to_string()))
                }
                (Limits::Date(b), Value::String(s)) => (s.parse().ok().and_then(|d| b.miss(d)), b.soft, s.clone()),
                (Limits::Chars(b), Value::String(s)) => {
                    let n = chars(s) as u32;
                    (b.miss(n), b.soft, format!("{n}"))
                }
                (Limits::Items(b), Value::Array(a)) => (b.miss(a.len() as u32), b.soft, format!("{}", a.len())),
                _ => (None, false, String::new()),
            };
            let Some(miss) = miss else { continue };
            let words = f.words();
            let side = match miss {
                Miss::Below => tr!("below", "低于下限"),
                Miss::Above => tr!("above", "超过上限"),
            };
            let what = match &f.limits {
                Limits::Chars(_) => tr!("{shown} characters", "{shown} 字"),
                Limits::Items(_) => tr!("{shown} picked", "选了 {shown} 项"),
                _ => Text::from(shown.clone()),
            };
            let name = super::declared_invalid::named(f, &p);
            let fd = cx
                .finding(
                    RULE.info,
                    if soft { Severity::Warning } else { Severity::Error },
                    Text::new(
                        format!("{} is {}, {} the notice's bounds", name.en, what.en, side.en),
                        format!("{}为 {}，{}", name.zh, what.zh, side.zh),
                    ),
                    &p,
                    side.clone(),
                )
                .requires(words)
                .cite(Some(f.cite.clone()))
                .with_help(tr!("check the value against the clause", "请对照所引条款核对该值"));
            cx.push(fd);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn born_before_the_earliest_date() {
        let out = check(&edit(&[("leader: { name: 张三,", "leader: { name: 张三, birth_date: 1985-03-01,")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "field.out-of-range").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }
}
