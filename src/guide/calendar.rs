//! Every dated event of a set of calls: when submission opens and closes, each conditional
//! extension, and the completion dates of the categories. As a text table or as RFC 5545
//! iCalendar (UTC times, all-day events for dates without a time, deterministic UIDs and stamps).

use std::collections::BTreeSet;

use chrono::{NaiveDateTime, TimeDelta};

use crate::diagnostics::Citation;
use crate::i18n::Lang;
use crate::model::{Call, Deadline};
use crate::values::When;

/// What happens on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Submission opens.
    Opens,
    /// Submission closes.
    Closes,
    /// The `n`-th (from 0) conditional extension of a deadline: it closes later for the
    /// categories with fewer applicants than `fewer_than`.
    Extension { n: usize, fewer_than: u32 },
    /// Projects must be completed (`soft`: 原则上).
    Completion { soft: bool },
}

impl Kind {
    /// The kind in a UID: `opens`, `closes`, `extension` (`extension-2` for a second one), `completion`.
    pub fn slug(self) -> String {
        match self {
            Kind::Opens => "opens".to_owned(),
            Kind::Closes => "closes".to_owned(),
            Kind::Extension { n: 0, .. } => "extension".to_owned(),
            Kind::Extension { n, .. } => format!("extension-{}", n + 1),
            Kind::Completion { .. } => "completion".to_owned(),
        }
    }

    /// The kind in words: 开始受理, 申报截止, 延期截止（申报单位少于 3 家的类别）, 项目完成.
    pub fn words(self) -> String {
        match self {
            Kind::Opens => "开始受理".to_owned(),
            Kind::Closes => "申报截止".to_owned(),
            Kind::Extension { fewer_than, .. } => format!("延期截止（申报单位少于 {fewer_than} 家的类别）"),
            Kind::Completion { soft: false } => "项目完成".to_owned(),
            Kind::Completion { soft: true } => "项目原则上完成".to_owned(),
        }
    }
}

/// One dated event of one call.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub call: &'a Call,
    pub when: When,
    pub kind: Kind,
    /// The deadline's id, or for a completion date the categories it covers (`call` for all).
    pub key: String,
    /// The deadline's name; empty for a completion date.
    pub name: String,
    /// The deadline, for submission events.
    pub deadline: Option<&'a Deadline>,
    /// Category paths the event concerns; empty for the whole call.
    pub scope: Vec<String>,
    /// The clauses that set the date (several when categories with one completion date cite
    /// their own clauses).
    pub cites: Vec<&'a Citation>,
    /// Why the date is what it is when a supplementary notice moved it: `经 杭科协〔2025〕9号 由 2025-04-21 改为 2025-04-30 17:00`.
    pub moved: Option<String>,
}

impl Entry<'_> {
    /// What happens, in words: `申报截止：网上申报（学会管理服务平台）`.
    pub fn what(&self) -> String {
        let what = if self.name.is_empty() { self.kind.words() } else { format!("{}：{}", self.kind.words(), self.name) };
        match &self.moved {
            Some(why) => format!("{what}（{why}）"),
            None => what,
        }
    }

    /// The entry's UID: `<call>-<deadline id>-<kind>@callspec`.
    pub fn uid(&self) -> String {
        format!("{}-{}-{}@callspec", self.call.id, self.key, self.kind.slug())
    }
}

/// The dated events of one call, in the order the call states them: each deadline's opening,
/// closing and extensions, then completion dates by category.
pub fn of_call<'a>(call: &'a Call) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for d in &call.deadlines {
        let entry = |when: When, kind: Kind, cite: &'a Citation| Entry {
            call,
            when,
            kind,
            key: d.id.clone(),
            name: d.name.clone(),
            deadline: Some(d),
            scope: d.categories.clone(),
            cites: vec![cite],
            moved: None,
        };
        if let Some(opens) = d.opens {
            out.push(Entry { moved: moved(call, &d.id, crate::amend::Part::Opens), ..entry(opens, Kind::Opens, &d.cite) });
        }
        out.push(Entry { moved: moved(call, &d.id, crate::amend::Part::Closes), ..entry(d.closes, Kind::Closes, &d.cite) });
        for (n, x) in d.extensions.iter().enumerate() {
            out.push(entry(x.until, Kind::Extension { n, fewer_than: x.when_fewer_applicants_than }, &x.cite));
        }
    }
    // Leaves that share a completion date form one event, citing each of their clauses once.
    let mut groups: Vec<(When, bool, BTreeSet<&str>, Vec<&Citation>)> = Vec::new();
    for c in call.categories.iter().filter(|c| c.leaf) {
        let Some(done) = &c.completion else { continue };
        let i = match groups.iter().position(|(by, soft, ..)| (*by, *soft) == (done.by, done.soft)) {
            Some(i) => i,
            None => {
                groups.push((done.by, done.soft, BTreeSet::new(), Vec::new()));
                groups.len() - 1
            }
        };
        let (_, _, leaves, cites) = &mut groups[i];
        leaves.insert(&c.path);
        if !cites.contains(&&done.cite) {
            cites.push(&done.cite);
        }
    }
    for (by, soft, leaves, cites) in groups {
        let scope = super::cover(call, &leaves);
        out.push(Entry {
            call,
            when: by,
            kind: Kind::Completion { soft },
            key: if scope.is_empty() { "call".to_owned() } else { scope.join("+") },
            name: String::new(),
            deadline: None,
            scope,
            cites,
            moved: None,
        });
    }
    out
}

/// The latest change a supplementary notice made to a deadline's date, in words.
fn moved(call: &Call, id: &str, part: crate::amend::Part) -> Option<String> {
    let a = call.amendments.as_deref()?;
    let target = crate::amend::Target::Deadline { id: id.to_owned(), part };
    let r = a.of(&target).last()?;
    let by = a.info(r).reference();
    Some(match &r.old {
        Some(old) => format!("经 {by} 由 {} 改为 {}", old.zh, r.new.as_ref().map_or("", |n| n.zh.as_str())),
        None => format!("经 {by} 设定"),
    })
}

/// The dated events of every call, by date: on one day, events without a time first, then by
/// time, call, kind and the order the call states them.
pub fn entries<'a>(calls: impl IntoIterator<Item = &'a Call>) -> Vec<Entry<'a>> {
    let mut all: Vec<Entry<'a>> = calls.into_iter().flat_map(of_call).collect();
    all.sort_by(|a, b| (a.when.date, a.when.time, &a.call.id, a.kind).cmp(&(b.when.date, b.when.time, &b.call.id, b.kind)));
    all
}

/// A text table: date (and time), call, what, categories; the headings in `lang` (what happens
/// is said in Chinese, as in the notices).
pub fn text(entries: &[Entry], lang: Lang) -> String {
    let scope = |e: &Entry| if e.scope.is_empty() && lang == Lang::Zh { "全部".to_owned() } else { super::scope_paths(&e.scope) };
    let rows: Vec<Vec<String>> = entries.iter().map(|e| vec![e.when.to_string(), e.call.id.clone(), e.what(), scope(e)]).collect();
    let headings = match lang {
        Lang::En => ["date", "call", "what", "categories"],
        Lang::Zh => ["日期", "通知", "事项", "类别"],
    };
    super::table::render(&headings, &rows)
}

/// An RFC 5545 calendar with one VEVENT per entry. Times are converted to UTC with each call's
/// offset; a date without a time is an all-day event. DTSTAMP is the call's issue date, so the
/// output does not depend on the clock.
pub fn ics(entries: &[Entry]) -> String {
    let mut out = String::new();
    for line in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//callspec//callspec calendar//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", text_value("申报日历")), &mut out);
    for e in entries {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}", text_value(&e.uid())), &mut out);
        // A fixed stamp keeps the output reproducible: the notice's issue date, else the event's own.
        fold(&format!("DTSTAMP:{}", utc(e.call, e.call.issued.unwrap_or(e.when).start())), &mut out);
        match e.when.time {
            Some(_) => fold(&format!("DTSTART:{}", utc(e.call, e.when.start())), &mut out),
            None => {
                fold(&format!("DTSTART;VALUE=DATE:{}", e.when.date.format("%Y%m%d")), &mut out);
                let next = e.when.date + TimeDelta::days(1);
                fold(&format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")), &mut out);
            }
        }
        fold(&format!("SUMMARY:{}", text_value(&format!("{}（{}）", e.what(), e.call.reference()))), &mut out);
        fold(&format!("DESCRIPTION:{}", text_value(&description(e))), &mut out);
        fold(&format!("CATEGORIES:{}", text_value(&e.call.id)), &mut out);
        fold("TRANSP:TRANSPARENT", &mut out);
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

/// The event's text: the call, the categories, the channel, and the cited clause.
fn description(e: &Entry) -> String {
    let mut lines = vec![format!("{}（{}）", e.call.title, e.call.reference()), format!("类别：{}", super::scope_names(e.call, &e.scope))];
    if let Some(d) = e.deadline {
        let mut how = format!("渠道：{}", d.channel.name_zh());
        if d.postmark {
            how.push_str("（以寄出日期为准）");
        }
        lines.push(how);
    }
    for c in &e.cites {
        lines.push(format!("依据 {} {}：“{}”", c.document, c.section, c.text));
    }
    lines.join("\n")
}

/// A moment in the call's time zone as a UTC DATE-TIME: `20210528T040000Z`.
fn utc(call: &Call, local: NaiveDateTime) -> String {
    let utc = local - TimeDelta::seconds(i64::from(call.offset.local_minus_utc()));
    utc.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value escaped as RFC 5545 §3.3.11 asks: backslash, semicolon, comma, newline.
pub fn text_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (RFC 5545 §3.1): continuation lines start with a
/// space; a UTF-8 character is never split. Lines end in CRLF.
pub fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    let mut room = 75;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(text_value("a\\b;c,d\ne，f"), "a\\\\b\\;c\\,d\\ne，f");
    }

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let line = format!("DESCRIPTION:{}", "申报截止".repeat(20));
        let mut out = String::new();
        fold(&line, &mut out);
        let lines: Vec<&str> = out.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = lines.iter().enumerate().map(|(i, l)| if i == 0 { *l } else { &l[1..] }).collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn short_lines_are_not_folded() {
        let mut out = String::new();
        fold(&"x".repeat(75), &mut out);
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
    }
}
