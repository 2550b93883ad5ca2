//! What a control's text means, by kind, and the text `fill` writes for a draft's value.
//!
//! Reading follows the YAML twin: a plain whole number is a number, any other number is kept
//! as the text written (`4.80`), anything else is text, so a form and the equivalent YAML draft
//! give the same JSON value. What people type into Word is forgiven where it is unambiguous:
//! full-width digits in numbers, dates written `2025年5月1日`, `2025.5.1` or `2025/5/1`. A date
//! that could be read two ways (`5/1/2025`, `25.5.1`) is kept as typed and reported.

use serde_json::Value;

use super::tag::{As, TagKind};

/// The reading of one control.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// `None`: the value is left out.
    pub value: Option<Value>,
    /// Why the text was kept as typed, when it looks like a date read two ways.
    pub ambiguous: Option<crate::i18n::Text>,
}

impl Reading {
    fn of(value: Option<Value>) -> Self {
        Reading { value, ambiguous: None }
    }
}

/// How a kind reads the text of a control (already without placeholder text); `checked` is
/// the state of a checkbox. `choices` are (label, value) pairs.
pub fn read(kind: TagKind, required: bool, r#as: Option<As>, text: &str, checked: Option<bool>, choices: &[(String, String)]) -> Reading {
    let text = text.trim_matches(|c: char| c.is_whitespace());
    if kind == TagKind::Bool {
        let on = checked.unwrap_or(matches!(text, "☒" | "☑" | "✓" | "✔" | "■" | "是" | "true" | "yes" | "√"));
        if on {
            return Reading::of(Some(Value::Bool(true)));
        }
        return Reading::of(match r#as {
            Some(As::Boolean) => Some(Value::Bool(false)),
            Some(As::Null) => Some(Value::Null),
            Some(As::Absent) => None,
            _ if required => Some(Value::Bool(false)),
            _ => None,
        });
    }
    if text.is_empty() {
        return Reading::of(match r#as {
            Some(As::Absent) => None,
            Some(As::Null) => Some(Value::Null),
            Some(As::String) => Some(Value::String(String::new())),
            Some(As::Array) => Some(Value::Array(Vec::new())),
            _ if required => Some(Value::Null),
            _ => None,
        });
    }
    match r#as {
        Some(As::String) => return Reading::of(Some(Value::String(text.to_owned()))),
        Some(As::Number) => {
            if let Ok(n) = text.parse::<serde_json::Number>() {
                return Reading::of(Some(Value::Number(n)));
            }
        }
        Some(As::Boolean) if matches!(text, "true" | "false") => return Reading::of(Some(Value::Bool(text == "true"))),
        Some(As::Null) if text == "null" => return Reading::of(Some(Value::Null)),
        _ => {}
    }
    match kind {
        TagKind::Text | TagKind::Lines | TagKind::List | TagKind::Bool => Reading::of(Some(Value::String(text.to_owned()))),
        TagKind::Money | TagKind::Int | TagKind::Digits => Reading::of(Some(number(text))),
        TagKind::Date => match date(text) {
            Date::Read(s) => Reading::of(Some(Value::String(s))),
            Date::AsTyped => Reading::of(Some(Value::String(text.to_owned()))),
            Date::Ambiguous(why) => Reading { value: Some(Value::String(text.to_owned())), ambiguous: Some(why) },
        },
        TagKind::Choices => Reading::of(Some(Value::Array(picked(choices, text).into_iter().map(Value::String).collect()))),
        TagKind::Choice => Reading::of(Some(Value::String(choice(choices, text)))),
        TagKind::Json => Reading::of(Some(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())))),
    }
}

/// What separates the values of a `choices` control: 、 as Chinese lists are written, or a
/// comma, semicolon or line break.
const SEPARATORS: &[char] = &['、', ',', '，', ';', '；', '\n'];

/// The values of a `choices` control: from each place, the longest choice written there (a
/// label may hold a separator itself: 科学技术普及、科技成果推广转化), else the text up to the
/// next separator, kept as typed.
fn picked(choices: &[(String, String)], text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
        if rest.is_empty() {
            return out;
        }
        let known = choices
            .iter()
            .flat_map(|(label, value)| [(label.trim(), value), (value.as_str(), value)])
            .filter(|(written, _)| !written.is_empty() && rest.starts_with(written))
            .filter(|(written, _)| rest[written.len()..].trim_start().chars().next().is_none_or(|c| SEPARATORS.contains(&c)))
            .max_by_key(|(written, _)| written.len());
        let (taken, value) = match known {
            Some((written, value)) => (written.len(), value.clone()),
            None => {
                let end = rest.find(SEPARATORS).unwrap_or(rest.len());
                (end, rest[..end].trim().to_owned())
            }
        };
        out.push(value);
        rest = &rest[taken..];
    }
}

/// The value of a choice typed as its label (or as the value itself); else the text as typed.
fn choice(choices: &[(String, String)], text: &str) -> String {
    choices
        .iter()
        .find(|(label, _)| label.trim() == text)
        .map(|(_, v)| v.clone())
        .or_else(|| choices.iter().find(|(_, v)| v == text).map(|(_, v)| v.clone()))
        .unwrap_or_else(|| text.to_owned())
}

/// A number as the YAML twin reads it: a plain whole number (full-width digits allowed) is a
/// number; a decimal is kept as its text; anything else is the text as typed.
fn number(typed: &str) -> Value {
    let t = halfwidth(typed);
    let digits = t.strip_prefix('-').unwrap_or(&t);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        if digits == "0" || !digits.starts_with('0') {
            let n = if t.starts_with('-') { t.parse::<i64>().ok().map(Value::from) } else { t.parse::<u64>().ok().map(Value::from) };
            if let Some(n) = n {
                return n;
            }
        }
        return Value::String(t);
    }
    if let Some((int, frac)) = digits.split_once('.')
        && !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Value::String(t);
    }
    Value::String(typed.to_owned())
}

/// Full-width digits and the punctuation of numbers and dates in their ASCII form.
pub fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '—' | '–' => '-',
            '／' => '/',
            '：' => ':',
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

enum Date {
    Read(String),
    AsTyped,
    Ambiguous(crate::i18n::Text),
}

/// `2025-05-01` (with ` HH:MM` when a time is given) from the ways dates are typed.
fn date(typed: &str) -> Date {
    let t = halfwidth(typed);
    let t = t.trim();
    // Split off a time: `10:00`, `10时30分`, `10点`.
    let (day, time) = match t.find([' ', 'T']).map(|i| (&t[..i], t[i + 1..].trim())) {
        Some((d, tm)) if !tm.is_empty() => (d.trim(), Some(tm)),
        _ => match t.find('日') {
            Some(i) if i + '日'.len_utf8() < t.len() => (&t[..i + '日'.len_utf8()], Some(t[i + '日'.len_utf8()..].trim())),
            _ => (t, None),
        },
    };
    let time = match time {
        None => None,
        Some(tm) => match clock(tm) {
            Some(c) => Some(c),
            None => return Date::AsTyped,
        },
    };
    let parts: Vec<&str> = day.trim_end_matches('日').split(['年', '月', '-', '/', '.']).map(str::trim).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Date::AsTyped;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    let chinese = day.contains('年');
    let (y, m, d) = if parts[0].len() == 4 {
        (n[0], n[1], n[2])
    } else if parts[2].len() == 4 && !chinese {
        // Year last: day and month may be either way round.
        match (n[0] > 12, n[1] > 12) {
            (true, false) => (n[2], n[1], n[0]),
            (false, true) => (n[2], n[0], n[1]),
            _ if n[0] == n[1] => (n[2], n[1], n[0]),
            _ => {
                let (a, b) = (n[0], n[1]);
                return Date::Ambiguous(crate::tr!(
                    "`{typed}` may be {a}月{b}日 or {b}月{a}日",
                    "“{typed}”可能是 {a}月{b}日，也可能是 {b}月{a}日"
                ));
            }
        }
    } else if parts[0].len() <= 2 {
        return Date::Ambiguous(crate::tr!("`{typed}` gives the year in two digits", "“{typed}”的年份只有两位"));
    } else {
        return Date::AsTyped;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Date::AsTyped;
    }
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if let Some((h, mi)) = time {
        out.push_str(&format!(" {h:02}:{mi:02}"));
    }
    Date::Read(out)
}

/// Hours and minutes from `10:00`, `10:00:00`, `10时30分`, `10点`, `10点30分`.
fn clock(t: &str) -> Option<(u32, u32)> {
    let t = t.trim().trim_end_matches('分');
    let (h, m) = match t.split_once([':', '时', '点']) {
        Some((h, m)) => (h, m.split(':').next().unwrap_or("")),
        None => return None,
    };
    let h: u32 = h.trim().parse().ok()?;
    let m: u32 = if m.trim().is_empty() { 0 } else { m.trim().parse().ok()? };
    (h < 24 && m < 60).then_some((h, m))
}

/// The text `fill` writes for a value of the draft, and how it is to be read back when the
/// kind alone would read it otherwise. `None` when the value has no text form (a list or
/// mapping where a single value goes).
pub fn write(
    kind: TagKind,
    required: bool,
    value: Option<&Value>,
    choices: &[(String, String)],
) -> Option<(String, Option<bool>, Option<As>)> {
    let (text, checked) = match value {
        None | Some(Value::Null) => (String::new(), (kind == TagKind::Bool).then_some(false)),
        Some(Value::String(s)) => match kind {
            TagKind::Choice => (choices.iter().find(|(_, v)| v == s).map_or_else(|| s.clone(), |(l, _)| l.clone()), None),
            TagKind::Date => (date_words(s).unwrap_or_else(|| s.clone()), None),
            TagKind::Bool => return None,
            _ => (s.clone(), None),
        },
        Some(Value::Number(n)) if kind != TagKind::Bool => (n.to_string(), None),
        Some(Value::Bool(b)) if kind == TagKind::Bool => (String::new(), Some(*b)),
        Some(Value::Bool(b)) => (b.to_string(), None),
        Some(Value::Array(_) | Value::Object(_)) if kind == TagKind::Json => (serde_json::to_string(value?).ok()?, None),
        // A list of texts, each written as its label; one holding a separator cannot be told
        // apart when read back, and goes to the appendix.
        Some(Value::Array(items)) if kind == TagKind::Choices => {
            let labels = items
                .iter()
                .map(|v| {
                    // A value of the list is read back whole; any other text only without a separator.
                    let s = v.as_str().filter(|s| !s.trim().is_empty() && *s == s.trim())?;
                    match choices.iter().find(|(_, v)| v == s) {
                        Some((label, _)) => Some(label.clone()),
                        None => (!s.contains(SEPARATORS)).then(|| s.to_owned()),
                    }
                })
                .collect::<Option<Vec<_>>>()?;
            (labels.join("、"), None)
        }
        Some(_) => return None,
    };
    if text != text.trim() || text.contains('\r') {
        // Spaces around a value do not survive reading; the appendix keeps it as JSON.
        return None;
    }
    let natural = read(kind, required, None, &text, checked, choices).value;
    if natural.as_ref() == value {
        return Some((text, checked, None));
    }
    let r#as = match value {
        None => As::Absent,
        Some(Value::Null) => As::Null,
        Some(Value::String(_)) => As::String,
        Some(Value::Number(_)) => As::Number,
        Some(Value::Bool(_)) => As::Boolean,
        Some(Value::Array(a)) if a.is_empty() => As::Array,
        Some(Value::Array(_) | Value::Object(_)) => return None,
    };
    let again = read(kind, required, Some(r#as), &text, checked, choices).value;
    (again.as_ref() == value).then_some((text, checked, Some(r#as)))
}

/// `2025年5月1日` (and the time) for a date the draft writes `2025-05-01`.
fn date_words(s: &str) -> Option<String> {
    let (day, time) = match s.split_once(' ') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    if d.format("%Y-%m-%d").to_string() != day {
        return None;
    }
    use chrono::Datelike;
    let mut out = format!("{}年{}月{}日", d.year(), d.month(), d.day());
    if let Some(t) = time {
        out.push(' ');
        out.push_str(t);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(kind: TagKind, text: &str) -> Option<Value> {
        read(kind, false, None, text, None, &[]).value
    }

    #[test]
    fn numbers_read_as_their_yaml_twin() {
        let list = [("甲、乙类".to_owned(), "甲、乙类".to_owned()), ("丙".to_owned(), "c".to_owned())];
        let picks = |t: &str| read(TagKind::Choices, true, None, t, None, &list).value;
        let strings = |v: &[&str]| Some(Value::Array(v.iter().map(|s| Value::String((*s).into())).collect()));
        assert_eq!(picks("甲、乙类、丙"), strings(&["甲、乙类", "c"]));
        assert_eq!(picks("丙，甲、乙类"), strings(&["c", "甲、乙类"]));
        assert_eq!(picks("甲、丁"), strings(&["甲", "丁"]));
        assert_eq!(picks("c；\n丙类"), strings(&["c", "丙类"]));
        assert_eq!(picks(""), Some(Value::Null));
        assert_eq!(r(TagKind::Money, "4.8"), Some(Value::String("4.8".into())));
        assert_eq!(r(TagKind::Money, "５"), Some(Value::from(5u64)));
        assert_eq!(r(TagKind::Money, "４．８"), Some(Value::String("4.8".into())));
        assert_eq!(r(TagKind::Money, "4.8万元"), Some(Value::String("4.8万元".into())));
        assert_eq!(r(TagKind::Digits, "010020"), Some(Value::String("010020".into())));
        assert_eq!(r(TagKind::Digits, "310012"), Some(Value::from(310012u64)));
        assert_eq!(r(TagKind::Int, "3场"), Some(Value::String("3场".into())));
        assert_eq!(r(TagKind::Int, ""), None);
        assert_eq!(read(TagKind::Int, true, None, " ", None, &[]).value, Some(Value::Null));
    }

    #[test]
    fn dates_are_read_as_people_type_them() {
        for typed in ["2025年5月1日", "2025.5.1", "2025/05/01", "2025-5-1", "２０２５年５月１日", "1/5/2025"] {
            let want = if typed == "1/5/2025" { None } else { Some(Value::String("2025-05-01".into())) };
            if want.is_some() {
                assert_eq!(r(TagKind::Date, typed), want, "{typed}");
            }
        }
        assert_eq!(r(TagKind::Date, "2025年4月18日 10:00"), Some(Value::String("2025-04-18 10:00".into())));
        assert_eq!(r(TagKind::Date, "2025-04-18 9时30分"), Some(Value::String("2025-04-18 09:30".into())));
        assert_eq!(r(TagKind::Date, "13/5/2025"), Some(Value::String("2025-05-13".into())));
        let a = read(TagKind::Date, false, None, "5/1/2025", None, &[]);
        assert_eq!(a.value, Some(Value::String("5/1/2025".into())));
        assert!(a.ambiguous.is_some());
        assert!(read(TagKind::Date, false, None, "25.5.1", None, &[]).ambiguous.is_some());
        assert_eq!(r(TagKind::Date, "2025年5月"), Some(Value::String("2025年5月".into())));
    }

    #[test]
    fn fill_writes_what_reads_back() {
        let choices = vec![("市级学会".to_owned(), "municipal-society".to_owned())];
        let cases: Vec<(TagKind, bool, Option<Value>)> = vec![
            (TagKind::Digits, false, Some(Value::String("3301040160000000001".into()))),
            (TagKind::Digits, false, Some(Value::from(310012u64))),
            (TagKind::Money, true, Some(Value::String("6.0".into()))),
            (TagKind::Text, true, Some(Value::from(123u64))),
            (TagKind::Text, true, None),
            (TagKind::Text, false, Some(Value::Null)),
            (TagKind::Bool, false, Some(Value::Bool(true))),
            (TagKind::Bool, false, Some(Value::Bool(false))),
            (TagKind::Choice, true, Some(Value::String("municipal-society".into()))),
            (TagKind::Choice, true, Some(Value::String("individual".into()))),
            (TagKind::Date, true, Some(Value::String("2025-04-18 10:00".into()))),
            (TagKind::Date, true, Some(Value::String("2025-5-1".into()))),
        ];
        for (kind, required, value) in cases {
            let (text, checked, r#as) = write(kind, required, value.as_ref(), &choices).expect("has a text form");
            assert_eq!(read(kind, required, r#as, &text, checked, &choices).value, value, "{kind:?} {text}");
        }
    }
}
