//! `check.failed`: a check the call declares (`checks:`) does not hold for the draft.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "check.failed",
        summary: "a check the call declares does not hold",
        doc: "A call may state a requirement no built-in rule knows as a check: a CEL expression over the \
              draft with the message, the requirement and the clause it comes from (男性不超过35周岁、女性不超过38周岁; \
              须已建立党组织). The finding is labelled on the value the check names. A check whose \
              expression cannot be evaluated on a draft (a value it reads is missing) stays silent: the \
              missing value is reported by its own rule.",
        summary_zh: "通知声明的检查不成立",
        doc_zh: "通知可以把内置规则不涵盖的要求写成检查：一个作用于申报书的 CEL 表达式，\
                 附带消息、要求及其所依据的条款（男性不超过35周岁、女性不超过38周岁；须已建立党组织）。\
                 问题标注在检查所指的值上。表达式无法在申报书上求值时（其所读的值缺失）不作报告：\
                 缺失的值由其自身的规则报告。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    for c in &cx.call.checks {
        if !cx.in_scope(&c.categories, c.when.as_ref()) {
            continue;
        }
        if cx.holds(&c.rule) != Some(false) {
            continue;
        }
        let severity = if c.soft { Severity::Warning } else { Severity::Error };
        // Labelled with what the notice asks; the check's id is the author's, not the applicant's.
        let label = c.requires.clone().unwrap_or_else(|| tr!("does not meet the notice's requirement", "不符合通知要求"));
        let mut f = cx.finding(RULE.info, severity, c.message.clone(), &c.field, label).cite(Some(c.cite.clone()));
        if let Some(r) = &c.requires {
            f = f.requires(r.clone());
        }
        if let Some(h) = &c.help {
            f = f.with_help(h.clone());
        }
        cx.push(f);
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn an_older_leader_fails_the_age_check() {
        let out = check(&edit(&[("leader: { name: 张三,", "leader: { name: 张三, birth_date: 1980-01-01, sex: 男,")]));
        let f: Vec<_> = out.findings.into_iter().filter(|f| f.code.code == "check.failed").collect();
        assert_eq!(f.len(), 1, "{f:?}");
        insta::assert_snapshot!(Outcome { findings: f }.rendered());
    }

    #[test]
    fn a_check_that_cannot_be_evaluated_stays_silent() {
        // No birth date: the field's own rule reports it; the check has nothing to judge.
        let out = check(APP);
        assert!(!out.codes().contains(&"check.failed"), "{:?}", out.codes());
    }
}
