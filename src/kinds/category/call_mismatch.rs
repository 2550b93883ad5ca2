//! `call.mismatch`: the application names another call than the one it is checked against.
use crate::kinds::prelude::*;

pub const RULE: Rule = Rule {
    info: &CodeInfo {
        code: "call.mismatch",
        summary: "the application's `call:` names a different call than the spec it is checked against",
        doc: "With `--spec` or `--call`, every application is checked against that call; an \
              application whose `call:` names another call was probably written for a different \
              notice, and its categories and KPIs will not match.",
        summary_zh: "申报书的 `call:` 指向的通知与检查所用的规范文件不同",
        doc_zh: "使用 `--spec` 或 `--call` 时，每份申报书都按该通知检查；`call:` 指向其他通知的申报书很可能是为另一\
                 份通知填写的，其类别和绩效指标不会相符。",
    },
    check,
};

fn check(cx: &mut Ctx) {
    let Some(named) = &cx.app.call else { return };
    if *named == cx.call.id {
        return;
    }
    let f = cx
        .finding(
            RULE.info,
            Severity::Error,
            tr!(
                "this application is for call `{}`, but is checked against `{}` ({})",
                "本申报书属于通知 `{0}`，却按 `{1}`（{2}）检查",
                named,
                cx.call.id,
                cx.call.reference()
            ),
            "/call",
            tr!("another call", "其他通知"),
        )
        .with_help(tr!("set `call: {}`, or check it against its own call", "请改为 `call: {}`，或按其所属通知检查", cx.call.id));
    cx.push(f);
}

#[cfg(test)]
mod tests {
    use crate::validate::testing::*;

    #[test]
    fn other_call() {
        let out = check(&edit(&[("call: demo", "call: hangzhou-2025")]));
        assert_eq!(out.codes(), ["call.mismatch"]);
        insta::assert_snapshot!(out.rendered());
    }
}
