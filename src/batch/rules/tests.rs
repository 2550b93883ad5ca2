//! Cross-application rule tests: small batches of edited test drafts, written to a temporary
//! folder (findings are labelled by re-reading the files).

use crate::batch::{self, Calls, Options};
use crate::diagnostics::{Finding, Severity};
use crate::validate::testing::{self, APP};

/// The test draft with replacements applied (each must match).
fn draft(edits: &[(&str, &str)]) -> String {
    let mut s = APP.to_owned();
    for (from, to) in edits {
        assert!(s.contains(from), "test draft has no `{from}`");
        s = s.replacen(from, to, 1);
    }
    s
}

/// A draft by applicant `n` (its organisation code differs) for `category`, named `project`.
fn by(n: u32, category: &str, project: &str) -> String {
    draft(&[
        ("91350100M000100Y43", &format!("91350100M{n:06}Y43")),
        ("category: fixed/forum", &format!("category: {category}")),
        ("  name: 人工智能产业学术交流", &format!("  name: {project}")),
    ])
}

/// Runs a batch of drafts; returns the cross-application findings as (file name, finding).
fn run(name: &str, drafts: &[String], complete: bool) -> Vec<(String, Finding)> {
    run_against(testing::call().clone(), name, drafts, complete)
}

/// [`run`] against another call.
fn run_against(call: crate::model::Call, name: &str, drafts: &[String], complete: bool) -> Vec<(String, Finding)> {
    let dir = std::env::temp_dir().join(format!("callspec-batch-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let paths: Vec<_> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let p = dir.join(format!("{}.yaml", (b'a' + i as u8) as char));
            std::fs::write(&p, d).expect("write draft");
            p
        })
        .collect();
    let calls = Calls::One(Box::new(call));
    let opts = Options { as_of: Some("2025-04-01 10:00".parse().expect("when")), jobs: 2, complete, ..Options::default() };
    let mut records = batch::run(&paths, &calls, &opts, |_, f| ((), crate::diagnostics::Tally::of(&f), false), |_, ()| {});
    let out = batch::across(&mut records, &paths, &calls, &opts);
    let out: Vec<(usize, Finding)> = batch::attach(out, &paths, &opts.limits).collect();
    let _ = std::fs::remove_dir_all(&dir);
    out.into_iter().map(|(i, f)| (paths[i].file_name().unwrap().to_string_lossy().into_owned(), f)).collect()
}

fn codes(out: &[(String, Finding)]) -> Vec<String> {
    out.iter().map(|(file, f)| format!("{file} {} {}", f.code.code, f.severity.as_str())).collect()
}

#[test]
fn an_applicant_over_its_limit_is_reported_on_every_file() {
    let out = run(
        "limit",
        &[by(1, "soft", "项目一"), by(1, "open", "项目二"), by(1, "soft", "项目三"), by(2, "soft", "项目四"), by(2, "open", "项目五")],
        false,
    );
    assert_eq!(
        codes(&out),
        ["a.yaml batch.applicant-limit error", "b.yaml batch.applicant-limit error", "c.yaml batch.applicant-limit error"]
    );
    let text: Vec<String> = out.iter().map(|(_, f)| f.message.en.clone()).collect();
    assert!(text[0].contains("M00000") || text[0].contains("000001"), "{text:?}");
}

#[test]
fn exclusive_categories_are_not_combined() {
    let out = run("exclusive", &[by(1, "fixed/forum", "项目一"), by(1, "capped", "项目二"), by(2, "capped", "项目三")], false);
    assert_eq!(codes(&out), ["a.yaml batch.exclusive-categories error", "b.yaml batch.exclusive-categories error"]);
    insta::assert_snapshot!(render(&out));
}

#[test]
fn the_same_project_twice_is_reported_whatever_its_punctuation() {
    let out =
        run("duplicate", &[by(1, "soft", "《科普进社区》行动"), by(2, "open", "科普进社区 行动"), by(3, "soft", "科普进校园")], false);
    assert_eq!(codes(&out), ["a.yaml batch.duplicate-project error", "b.yaml batch.duplicate-project error"]);
    insta::assert_snapshot!(render(&out));
}

/// A large group: each member names three others and counts the rest, so the output grows
/// with the group, not with its square.
#[test]
fn a_large_duplicate_group_names_a_few_files_and_counts_the_rest() {
    let drafts: Vec<String> = (0..12).map(|n| by(n + 1, "soft", "同一个项目")).collect();
    let out = run("duplicate-many", &drafts, false);
    assert_eq!(out.len(), 12);
    for (file, f) in &out {
        assert!(f.message.en.starts_with("the same project is submitted 12 times; also in "), "{}", f.message.en);
        assert!(f.message.en.ends_with(" and 8 more"), "{file}: {}", f.message.en);
        assert!(f.message.zh.ends_with(" 等 11 个文件"), "{file}: {}", f.message.zh);
        assert_eq!(f.message.en.matches(".yaml").count(), 3, "{}", f.message.en);
        assert!(!f.message.en.contains(&format!("/{file}")), "{file} names itself: {}", f.message.en);
    }
}

#[test]
fn too_few_applicants_only_on_a_complete_batch() {
    let drafts = [by(1, "capped", "项目一"), by(2, "capped", "项目二"), by(3, "soft", "项目三")];
    assert!(run("few-partial", &drafts, false).is_empty());
    let out = run("few", &drafts, true);
    assert_eq!(codes(&out), ["a.yaml batch.too-few-applicants warning", "b.yaml batch.too-few-applicants warning"]);
    insta::assert_snapshot!(render(&out));
    // Three distinct applicants: enough.
    let enough = [by(1, "capped", "项目一"), by(2, "capped", "项目二"), by(3, "capped", "项目三")];
    assert!(run("few-enough", &enough, true).is_empty());
}

#[test]
fn a_conditional_extension_is_settled_by_counting_applicants() {
    let late = |n: u32, project: &str| {
        let d = by(n, "soft", project);
        d.replacen("at: \"2025-04-25 09:00\", sent: 2025-04-23", "at: \"2025-04-29 09:00\", sent: \"2025-04-28 10:00\"", 1)
    };
    // Two in time and one late: fewer than 3 by the deadline, so the extension applies.
    let out = run("ext-applies", &[by(1, "soft", "项目一"), by(2, "soft", "项目二"), late(3, "项目三")], true);
    assert_eq!(codes(&out), ["c.yaml batch.extension-applies advice"]);
    insta::assert_snapshot!(render(&out));
    // Three in time: the extension never came into force.
    let out = run("ext-not", &[by(1, "soft", "项目一"), by(2, "soft", "项目二"), by(4, "soft", "项目四"), late(3, "项目三")], true);
    assert_eq!(codes(&out), ["d.yaml batch.extension-not-triggered error"]);
    assert_eq!(out[0].1.severity, Severity::Error);
    // Without --complete nothing is settled.
    assert!(run("ext-partial", &[late(3, "项目三")], false).is_empty());
}

#[test]
fn an_extension_counts_applicants_not_their_submissions() {
    // Both deadlines may be extended (as in 科协学函企字〔2021〕44号). Applicants 1 and 2 are in
    // time for both; 3 is in time online, its paper in the extension window; 4 is late on both.
    // Applicant 3 is one of the category's three applicants by the deadline, so the extension
    // never comes into force: 3's paper and 4's submissions are late.
    let mut call = testing::call().clone();
    let ext = call.deadlines[1].extensions.clone();
    call.deadlines[0].extensions = ext;
    let paper_late =
        |d: String| d.replacen("at: \"2025-04-25 09:00\", sent: 2025-04-23", "at: \"2025-04-29 09:00\", sent: \"2025-04-28 10:00\"", 1);
    let online_late =
        |d: String| d.replacen("{ channel: online, at: \"2025-04-20 10:00\" }", "{ channel: online, at: \"2025-04-28 10:00\" }", 1);
    let drafts = [
        by(1, "soft", "项目一"),
        by(2, "soft", "项目二"),
        paper_late(by(3, "soft", "项目三")),
        online_late(paper_late(by(4, "soft", "项目四"))),
    ];
    let out = run_against(call, "ext-applicants", &drafts, true);
    assert_eq!(
        codes(&out),
        [
            "c.yaml batch.extension-not-triggered error",
            "d.yaml batch.extension-not-triggered error",
            "d.yaml batch.extension-not-triggered error"
        ]
    );
}

fn render(out: &[(String, Finding)]) -> String {
    let findings: Vec<Finding> = out.iter().map(|(_, f)| f.clone()).collect();
    let text = crate::render::human_all(&findings, crate::render::Style::default());
    // The temporary folder differs per run.
    let dir = std::env::temp_dir().display().to_string();
    text.replace(&dir, "$TMP").replace(&format!("callspec-batch-{}-", std::process::id()), "")
}

#[test]
fn a_limit_counts_the_key_it_names_and_a_soft_one_warns() {
    let recommended = |n: u32, by: &str| {
        let d = self::by(n, "open", &format!("项目{n}"));
        d.replacen("  name: ", &format!("  recommender: {by}\n  name: "), 1)
    };
    let out = run("per-recommender", &[recommended(1, "示例大学"), recommended(2, "示例大学"), recommended(3, "另一大学")], false);
    assert_eq!(codes(&out), ["a.yaml batch.applicant-limit warning", "b.yaml batch.applicant-limit warning"]);
    let first = &out[0].1;
    assert_eq!(first.message.en, "2 applications in this call have the same recommender: 示例大学; at most 1 allowed");
    assert_eq!(first.requirement.as_ref().map(|r| r.zh.as_str()), Some("本通知中每个推荐单位最多 1 项"));
}

#[test]
fn a_batch_of_many_chunks_emits_every_file_once_in_input_order_with_its_own_findings() {
    // 203 files on 3 workers: chunks of 8, the last one short. Every third draft has a
    // mistake of its own (a category the call does not have).
    let dir = std::env::temp_dir().join(format!("callspec-batch-{}-chunks", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let paths: Vec<_> = (0..203u32)
        .map(|i| {
            let p = dir.join(format!("{i:03}.yaml"));
            let category = if i % 3 == 0 { "fixed/nowhere" } else { "fixed/forum" };
            std::fs::write(&p, by(i, category, &format!("项目{i}"))).expect("write draft");
            p
        })
        .collect();
    let calls = Calls::One(Box::new(testing::call().clone()));
    let opts = Options { as_of: Some("2025-04-01 10:00".parse().expect("when")), jobs: 3, ..Options::default() };
    let mut emitted = Vec::new();
    let records = batch::run(
        &paths,
        &calls,
        &opts,
        |path, f| {
            let unknown = f.iter().any(|f| f.code.code == "category.unknown");
            ((path.to_path_buf(), unknown, f.len()), crate::diagnostics::Tally::of(&f), false)
        },
        |path, out| emitted.push((path.to_path_buf(), out)),
    );
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(records.len(), paths.len());
    for (i, (path, (prepared_for, unknown, count))) in emitted.iter().enumerate() {
        assert_eq!((path, prepared_for), (&paths[i], &paths[i]), "file {i}");
        assert_eq!(*unknown, i % 3 == 0, "file {i}");
        let t = &records[i].tally;
        assert_eq!(t.errors + t.warnings + t.advice, *count, "file {i}");
    }
    assert_eq!(emitted.len(), paths.len());
}
