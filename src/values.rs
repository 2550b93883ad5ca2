//! Value types shared by spec and application files: exact money, dates with an optional time,
//! identifiers. Each reads from the text the file wrote and has a hand-written JSON Schema that
//! matches exactly what it accepts.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::i18n::Text;
use crate::tr;

/// An exact, non-negative decimal amount (in the call's money unit, usually 万元).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Amounts stay under 10^15 of the money unit (no call funds more), so that no sum of the
    /// amounts a file can hold overflows the 96-bit exact decimal (about 7.9 × 10^28).
    const LIMIT: u64 = 1_000_000_000_000_000;

    /// The amount, if it is under [`Money::LIMIT`].
    fn bounded(d: Decimal, written: &dyn fmt::Display) -> Result<Money, Text> {
        if d >= Decimal::from(Self::LIMIT) {
            return Err(tr!(
                "`{written}` is too large to be an amount (at most 15 digits before the decimal point)",
                "`{written}` 过大，不是金额（小数点前至多 15 位）"
            ));
        }
        Ok(Money(d))
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

const MONEY_PATTERN: &str = r"^[0-9]+(\.[0-9]+)?$";

impl FromStr for Money {
    type Err = Text;
    fn from_str(s: &str) -> Result<Self, Text> {
        let t = s.trim();
        if t.chars().any(|c| ('０'..='９').contains(&c) || c == '．') {
            return Err(tr!(
                "`{s}` uses full-width digits; write the amount with ASCII digits, e.g. 19.8",
                "`{s}` 使用了全角数字；请用半角数字填写金额，如 19.8"
            ));
        }
        if t.ends_with("万元") || t.ends_with('万') || t.ends_with('元') {
            return Err(tr!(
                "`{s}` includes a unit; write the number only (amounts are in the call's unit, 万元)",
                "`{s}` 带有单位；请只填数字（金额以通知的单位计，即万元）"
            ));
        }
        if t.starts_with('-') {
            return Err(tr!("`{s}` is negative; amounts are never negative", "`{s}` 是负数；金额不能为负"));
        }
        let valid = !t.is_empty()
            && t.split_once('.').map_or(t.bytes().all(|b| b.is_ascii_digit()), |(a, b)| {
                !a.is_empty() && !b.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit())
            });
        if !valid {
            return Err(tr!("`{s}` is not a decimal amount such as 19.8", "`{s}` 不是 19.8 这样的十进制金额"));
        }
        let d = Decimal::from_str_exact(t)
            .map_err(|_| tr!("`{s}` is too large or too precise to be an amount", "`{s}` 过大或小数位过多，不是金额"))?;
        Money::bounded(d, &s)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a decimal amount")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Money, E> {
                s.parse().map_err(|t: Text| E::custom(t.to_wire()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                Money::bounded(Decimal::from(v), &v).map_err(|t| E::custom(t.to_wire()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                if v < 0 {
                    return Err(E::custom(tr!("`{v}` is negative; amounts are never negative", "`{v}` 是负数；金额不能为负").to_wire()));
                }
                Money::bounded(Decimal::from(v), &v).map_err(|t| E::custom(t.to_wire()))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal amount in the call's money unit (万元 unless the call says otherwise), written as a plain number such as 19.8; no unit, no full-width digits.",
            "type": ["number", "string"],
            "minimum": 0,
            "pattern": MONEY_PATTERN
        })
    }
}

/// A date with an optional wall-clock time, in the call's time zone: `2025-04-21` or
/// `2021-05-28 12:00`. A date alone means the end of that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

impl When {
    /// The last instant this moment covers: the time if given, else 23:59:59 of the date.
    pub fn end(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or_else(|| NaiveTime::from_hms_opt(23, 59, 59).expect("valid time")))
    }
    /// The first instant: the time if given, else 00:00 of the date.
    pub fn start(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN))
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(t) => write!(f, "{} {:02}:{:02}", self.date, t.hour(), t.minute()),
            None => write!(f, "{}", self.date),
        }
    }
}

const WHEN_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$";

impl FromStr for When {
    type Err = Text;
    fn from_str(s: &str) -> Result<Self, Text> {
        let t = s.trim();
        if let Some(w) = written_in_full(t) {
            return Ok(w);
        }
        if t.contains('年') || t.contains('月') {
            return Err(tr!(
                "`{s}` is written in Chinese; write dates as YYYY-MM-DD, e.g. 2025-04-21",
                "`{s}` 是中文写法；日期请写成 YYYY-MM-DD，如 2025-04-21"
            ));
        }
        let (d, time) = match t.split_once([' ', 'T']) {
            Some((d, tm)) => (d, Some(tm)),
            None => (t, None),
        };
        let date = ymd(d)
            .map_or_else(|| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok(), |(y, m, day)| NaiveDate::from_ymd_opt(y, m, day))
            .ok_or(())
            .map_err(|_| tr!("`{d}` is not a date that exists; write YYYY-MM-DD", "`{d}` 不是存在的日期；请写成 YYYY-MM-DD"))?;
        let time = match time {
            None => None,
            // 24:00 is the end of the day, as a date alone is.
            Some("24:00") => None,
            Some(tm) => Some(
                NaiveTime::parse_from_str(tm, "%H:%M")
                    .or_else(|_| NaiveTime::parse_from_str(tm, "%H:%M:%S"))
                    .map_err(|_| tr!("`{tm}` is not a valid time; write HH:MM", "`{tm}` 不是有效的时间；请写成 HH:MM"))?,
            ),
        };
        Ok(When { date, time })
    }
}

/// A moment written as drafts mostly write it, `2025-04-21` or `2025-04-21 09:30`, read
/// without searching or chrono's format parser; `None` leaves any other spelling (and every
/// mistake, with its message) to [`When::from_str`]'s general path.
fn written_in_full(t: &str) -> Option<When> {
    let b = t.as_bytes();
    let time = match b.len() {
        10 => None,
        16 if matches!(b[10], b' ' | b'T') && b[13] == b':' => {
            let two = |i: usize| {
                (b[i].is_ascii_digit() && b[i + 1].is_ascii_digit()).then(|| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0'))
            };
            match (two(11)?, two(14)?) {
                // 24:00 is the end of the day, as a date alone is.
                (24, 0) => None,
                (h, m) => Some(NaiveTime::from_hms_opt(h, m, 0)?),
            }
        }
        _ => return None,
    };
    let (y, m, d) = ymd(t.get(..10)?)?;
    Some(When { date: NaiveDate::from_ymd_opt(y, m, d)?, time })
}

/// The year, month and day of a date written in full (`2025-04-21`), without chrono's format
/// parser: drafts hold many dates. Any other spelling is left to the parser.
fn ymd(d: &str) -> Option<(i32, u32, u32)> {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')));
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Some((i32::try_from(digits(0..4)?).ok()?, digits(5..7)?, digits(8..10)?))
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read from the text as it is, without a copy of it.
        struct V;
        impl Visitor<'_> for V {
            type Value = When;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<When, E> {
                s.parse().map_err(|t: Text| E::custom(t.to_wire()))
            }
        }
        d.deserialize_str(V)
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl JsonSchema for When {
    fn schema_name() -> Cow<'static, str> {
        "When".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date, optionally with a time, in the call's time zone: `2025-04-21` or `2021-05-28 12:00`. A date alone means the end of that day. Written as text: quote it (`\"2025-04-21\"`) for readers of YAML 1.1 (PyYAML, ruamel), which would read a plain 2025-04-21 as a date object; callspec and YAML 1.2 readers take either.",
            "type": "string",
            "pattern": WHEN_PATTERN
        })
    }
}

/// Text that people often write as a bare number in YAML (phone numbers, postal codes,
/// account numbers): accepted as a string or an integer and kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Digits(pub String);

impl<'de> Deserialize<'de> for Digits {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Digits;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or digits")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Digits, E> {
                Ok(Digits(s.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Digits, E> {
                Ok(Digits(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Digits, E> {
                Ok(Digits(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Digits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl JsonSchema for Digits {
    fn schema_name() -> Cow<'static, str> {
        "Digits".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text such as a phone number, postal code or account number; bare digits are accepted.",
            "type": ["string", "integer"]
        })
    }
}

/// A stable identifier: lower-case ASCII letters, digits and hyphens.
pub const ID_PATTERN: &str = r"^[a-z0-9][a-z0-9-]*$";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_full_read_as_chrono_reads_them() {
        for d in ["2025-04-21", "2024-02-29", "2025-02-29", "2025-13-01", "2025-00-10", "0000-01-01", "2025-4-21", "2025-04-1x", "20250421"]
        {
            let fast = ymd(d).and_then(|(y, m, day)| NaiveDate::from_ymd_opt(y, m, day));
            let chrono = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
            if ymd(d).is_some() {
                assert_eq!(fast, chrono, "{d}");
            }
            assert_eq!(d.parse::<When>().ok().map(|w| w.date), chrono, "{d}");
        }
    }

    /// The general path of `When::from_str`, without the fast one.
    fn general(t: &str) -> Option<When> {
        let (d, time) = t.split_once([' ', 'T']).map_or((t, None), |(d, tm)| (d, Some(tm)));
        let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
        let time = match time {
            None | Some("24:00") => None,
            Some(tm) => Some(NaiveTime::parse_from_str(tm, "%H:%M").or_else(|_| NaiveTime::parse_from_str(tm, "%H:%M:%S")).ok()?),
        };
        Some(When { date, time })
    }

    #[test]
    fn moments_in_full_read_as_the_general_path_reads_them() {
        for t in [
            "2025-04-21 09:30",
            "2025-04-21T09:30",
            "2025-04-21 24:00",
            "2025-04-21 23:59",
            "2025-04-21 24:01",
            "2025-04-21 25:00",
            "2025-04-21 12:60",
            "2025-02-29 10:00",
            "2024-02-29 00:00",
            "2025-04-21 9:30",
            "2025-04-21_09:30",
            "2025-04-21 09-30",
            "2025-04-21 0930",
            "2025-04-21 09:3x",
            "2025-04-21",
        ] {
            if let Some(fast) = written_in_full(t) {
                assert_eq!(Some(fast), general(t), "{t}");
            }
            assert_eq!(t.parse::<When>().ok(), general(t), "{t}");
        }
        let w: When = "2025-04-21 09:05".parse().unwrap();
        assert_eq!(w.to_string(), "2025-04-21 09:05");
    }

    #[test]
    fn money_is_exact() {
        let six: Money = "6.6".parse().unwrap();
        assert_eq!(six + six + six, "19.8".parse().unwrap());
        assert_eq!("19.80".parse::<Money>().unwrap().to_string(), "19.8");
        assert_eq!("0.1234567890123456789012345".parse::<Money>().unwrap().0.to_string(), "0.1234567890123456789012345");
    }

    #[test]
    fn money_rejects_units_fullwidth_and_signs() {
        for bad in ["19.8万元", "１９.８", "-5", "1e3", ".inf", "NaN", "", "1.", "99999999999999999999999999999999"] {
            assert!(bad.parse::<Money>().is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn money_stays_under_ten_to_the_fifteen() {
        assert_eq!("999999999999999.99".parse::<Money>().unwrap().to_string(), "999999999999999.99");
        for big in ["1000000000000000", "79228162514264337593543950335", "79228162514264337593543950335.5"] {
            assert!(big.parse::<Money>().unwrap_err().en.contains("too large"), "{big} accepted");
        }
        let from_u64: Result<Money, _> = serde_json::from_value(serde_json::json!(u64::MAX));
        assert!(from_u64.is_err());
    }

    #[test]
    fn when_parses_dates_and_times() {
        let w: When = "2021-05-28 12:00".parse().unwrap();
        assert_eq!(w.end().to_string(), "2021-05-28 12:00:00");
        let d: When = "2025-04-21".parse().unwrap();
        assert_eq!(d.end().to_string(), "2025-04-21 23:59:59");
        assert!("2025-02-30".parse::<When>().is_err());
        let e = "2025年4月21日".parse::<When>().unwrap_err();
        assert!(e.en.contains("Chinese") && e.zh.contains("中文写法"), "{e:?}");
    }
}
