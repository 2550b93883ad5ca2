//! `batch.duplicate-project`: the same project submitted more than once (同一项目不得重复申报).
use super::{CrossRule, Cx, group_by};
use crate::diagnostics::{CodeInfo, Severity};
use crate::i18n::Text;
use crate::tr;

pub const RULE: CrossRule = CrossRule {
    info: &CodeInfo {
        code: "batch.duplicate-project",
        summary: "the same project is submitted more than once",
        doc: "Where the call says a project may be submitted only once (`form.unique_projects`: \
              同一项目不得重复申报; 每个申请项目单独填写项目申报书), files of one call whose project \
              names are the same, ignoring spaces, punctuation, full-width forms and case, are all \
              reported, whoever submits them and in whichever category.",
        summary_zh: "同一项目重复申报",
        doc_zh: "通知规定一个项目只能申报一次时（`form.unique_projects`：同一项目不得重复申报；\
                 每个申请项目单独填写项目申报书），同一通知下项目名称相同（忽略空格、标点、\
                 全角形式和大小写）的文件都会报告，不论由谁提交、申报哪个类别。",
    },
    check,
};

fn check(cx: &mut Cx) {
    for call in cx.calls() {
        let Some(cite) = call.form.unique_projects.clone() else { continue };
        let files = cx.of_call(call);
        for (_, group) in group_by(files, |f| f.project, 2) {
            if group.len() < 2 {
                continue;
            }
            let all: Vec<usize> = group.iter().map(|(i, _)| *i).collect();
            for (i, _) in &group {
                let others = cx.others(&all, *i);
                let n = group.len();
                let f = cx
                    .finding(
                        *i,
                        RULE.info,
                        Severity::Error,
                        Text::new(
                            format!("the same project is submitted {n} times; also in {}", others.en),
                            format!("同一项目重复申报 {n} 次；另见 {}", others.zh),
                        ),
                        "/project/name",
                        tr!("submitted more than once", "重复申报"),
                    )
                    .requires(tr!("each project submitted once", "同一项目只能申报一次"))
                    .cite(Some(cite.clone()))
                    .with_help(tr!(
                        "withdraw the duplicates, or name and describe distinct projects distinctly",
                        "请撤回重复的申报；如确为不同项目，请分别命名并区分描述"
                    ));
                cx.push(*i, f);
            }
        }
    }
}
