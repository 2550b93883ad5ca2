//! The diff as text (in one language) and as JSON.

use std::fmt::Write;

use serde_json::{Value, json};

use super::drafts::{Outcome, Report};
use super::{CallDiff, Difference, Side, Version};
use crate::diagnostics::Citation;
use crate::i18n::{Lang, Text};
use crate::tr;

/// Every difference of every call, grouped, then the drafts that change; the last line says
/// how many there are.
pub fn text(calls: &[CallDiff], drafts: Option<&Report>, lang: Lang) -> String {
    let say = |t: Text| t.get(lang).to_owned();
    let mut out = String::new();
    let mut total = 0;
    for c in calls {
        let id = &c.id;
        match (&c.old, &c.new) {
            (Some(_), None) => {
                let _ = writeln!(out, "{}\n", say(tr!("{id}: only in OLD (the call was removed)", "{id}：仅在旧版中（通知已删除）")));
                total += 1;
                continue;
            }
            (None, Some(_)) => {
                let _ = writeln!(out, "{}\n", say(tr!("{id}: only in NEW (the call was added)", "{id}：仅在新版中（新增的通知）")));
                total += 1;
                continue;
            }
            _ => {}
        }
        if c.differences.is_empty() {
            continue;
        }
        total += c.differences.len();
        let n = c.differences.len();
        let _ = writeln!(out, "{}", say(tr!("{id}: {n} difference(s)", "{id}：{n} 处不同")));
        for (label, v) in [(tr!("old", "原"), &c.old), (tr!("new", "新"), &c.new)] {
            if let Some(v) = v {
                let _ = writeln!(out, "  {}{}{}", say(label), say(tr!(": ", "：")), say(version(v)));
            }
        }
        let mut group = None;
        for d in &c.differences {
            if group != Some(d.group) {
                group = Some(d.group);
                let _ = writeln!(out, "\n{}", say(d.group.name()));
            }
            difference(&mut out, d, lang);
        }
        out.push('\n');
    }
    if let Some(r) = drafts {
        drafts_text(&mut out, r, lang);
    }
    let line = match (total, drafts) {
        (0, None) => tr!("no differences", "没有不同"),
        (n, None) => tr!("{n} difference(s)", "共 {n} 处不同"),
        (n, Some(r)) => {
            let (m, k) = (r.changed.len(), r.checked);
            tr!("{n} difference(s); {m} of {k} draft(s) change", "共 {n} 处不同；{k} 份申报书中 {m} 份有变化")
        }
    };
    out.push_str(&say(line));
    out.push('\n');
    out
}

/// How a version names itself: `杭科协〔2025〕6号, amended by 杭科协〔2025〕9号 (in force from 2025-04-18)`.
fn version(v: &Version) -> Text {
    let mut t = Text::from(v.reference.clone());
    for a in &v.amendments {
        let (r, from) = (a.reference(), a.effective);
        let back = if a.retroactive { tr!(", retroactive", "，溯及既往") } else { Text::from("") };
        let (back_en, back_zh) = (&back.en, &back.zh);
        let more = tr!(", amended by {r} (in force from {from}{back_en})", "，经 {r} 修订（自 {from} 起施行{back_zh}）");
        t = Text::new(format!("{}{}", t.en, more.en), format!("{}{}", t.zh, more.zh));
    }
    t
}

fn difference(out: &mut String, d: &Difference, lang: Lang) {
    let say = |t: &Text| t.get(lang).to_owned();
    let kind = match d.kind() {
        "added" => tr!("added", "新增"),
        "removed" => tr!("removed", "删除"),
        _ => tr!("changed", "修改"),
    };
    let _ = writeln!(out, "  {} {}", pad(&say(&kind), 8), say(&d.what));
    let side = |out: &mut String, label: Text, s: &Side| {
        let label = say(&label);
        let _ = writeln!(out, "      {label}{}", say(&s.words));
        if let Some(c) = &s.cite {
            let pad = " ".repeat(width(&label));
            let _ = writeln!(out, "      {pad}{}", cite(c, lang));
        }
    };
    if let Some(s) = &d.old {
        side(out, tr!("before: ", "原："), s);
    }
    if let Some(s) = &d.new {
        side(out, tr!("after:  ", "现："), s);
    }
}

fn cite(c: &Citation, lang: Lang) -> String {
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    format!("{} {}{colon}“{}”", c.document, c.section, c.text)
}

fn drafts_text(out: &mut String, r: &Report, lang: Lang) {
    let say = |t: Text| t.get(lang).to_owned();
    let (m, k) = (r.changed.len(), r.checked);
    let _ = writeln!(out, "{}", say(tr!("Drafts: {m} of {k} change", "申报书：{k} 份中 {m} 份有变化")));
    for o in &r.changed {
        let (before, after) = (o.before.words(), o.after.words());
        let arrow = Text::new(format!("({} → {})", before.en, after.en), format!("（{} → {}）", before.zh, after.zh));
        let _ = writeln!(out, "  {} {} {}", pad(&say(o.change().words()), 16), o.file, say(arrow));
        outcome_lines(out, o, lang);
    }
    out.push('\n');
}

fn outcome_lines(out: &mut String, o: &Outcome, lang: Lang) {
    for (label, list) in [(tr!("no longer", "不再"), &o.lost), (tr!("now", "新增"), &o.gained)] {
        for b in list {
            let colon = if lang == Lang::Zh { "：" } else { ": " };
            let _ = writeln!(out, "      {}{colon}{} {}", label.get(lang), b.code, b.message.get(lang));
        }
    }
}

/// The same as one JSON document.
pub fn json(calls: &[CallDiff], drafts: Option<&Report>, lang: Lang) -> Value {
    let say = |t: &Text| t.get(lang).to_owned();
    let side = |s: &Option<Side>| {
        s.as_ref().map(|s| {
            json!({
                "words": say(&s.words),
                "cite": s.cite.as_ref().map(|c| json!({"document": c.document, "section": c.section, "text": c.text})),
            })
        })
    };
    let version = |v: &Option<Version>| {
        v.as_ref().map(|v| {
            json!({
                "reference": v.reference,
                "title": v.title,
                "amendments": v.amendments.iter().map(|a| json!({
                    "id": a.id,
                    "reference": a.reference(),
                    "title": a.title,
                    "issued": a.issued.to_string(),
                    "effective": a.effective.to_string(),
                    "retroactive": a.retroactive,
                })).collect::<Vec<_>>(),
            })
        })
    };
    let total: usize = calls.iter().map(|c| if c.old.is_some() && c.new.is_some() { c.differences.len() } else { 1 }).sum();
    let calls: Vec<Value> = calls
        .iter()
        .filter(|c| !(c.old.is_some() && c.new.is_some() && c.differences.is_empty()))
        .map(|c| {
            json!({
                "id": c.id,
                "old": version(&c.old),
                "new": version(&c.new),
                "differences": c.differences.iter().map(|d| json!({
                    "group": d.group.slug(),
                    "group_name": say(&d.group.name()),
                    "change": d.kind(),
                    "key": d.key,
                    "what": say(&d.what),
                    "old": side(&d.old),
                    "new": side(&d.new),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let brief =
        |b: &super::drafts::Brief| json!({"code": b.code, "severity": b.severity, "message": say(&b.message), "pointer": b.pointer});
    let drafts_json = drafts.map(|r| {
        json!({
            "checked": r.checked,
            "changed": r.changed.iter().map(|o| json!({
                "file": o.file,
                "change": o.change().slug(),
                "before": o.before.slug(),
                "after": o.after.slug(),
                "gained": o.gained.iter().map(brief).collect::<Vec<_>>(),
                "lost": o.lost.iter().map(brief).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    });
    json!({ "differences": total, "calls": calls, "drafts": drafts_json })
}

/// The width of a text in a terminal: two columns for each character outside ASCII.
fn width(s: &str) -> usize {
    s.chars().map(|ch| if ch.is_ascii() { 1 } else { 2 }).sum()
}

/// `s` padded with spaces to `n` columns.
fn pad(s: &str, n: usize) -> String {
    format!("{s}{}", " ".repeat(n.saturating_sub(width(s))))
}
