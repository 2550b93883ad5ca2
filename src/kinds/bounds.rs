//! One type for every "at least / at most" a notice states: KPI targets, team sizes, text
//! lengths, amounts, field values, dates. Its words are written here once, in both languages,
//! and every view (finding, guide, scaffold, schema) uses them.

use std::fmt::Display;

use crate::i18n::Text;

/// A lower and/or upper bound, binding or in principle (原则上).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bounds<T> {
    pub min: Option<T>,
    pub max: Option<T>,
    /// True when the notice softens it (原则上, 左右, 约): missing it is a warning.
    pub soft: bool,
}

/// Which words a bound takes: amounts and counts (不少于 / 不超过), or moments (不早于 / 不晚于).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Count,
    Time,
}

/// How a value misses its bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Miss {
    Below,
    Above,
}

impl<T: Display + PartialOrd + Copy> Bounds<T> {
    pub fn new(min: Option<T>, max: Option<T>) -> Self {
        Bounds { min, max, soft: false }
    }

    pub fn is_empty(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }

    /// Whether `v` lies below or above the bounds.
    pub fn miss(&self, v: T) -> Option<Miss> {
        match (self.min, self.max) {
            (Some(a), _) if v < a => Some(Miss::Below),
            (_, Some(b)) if v > b => Some(Miss::Above),
            _ => None,
        }
    }

    /// The bounds in words, e.g. `at least 3 场` / `不少于 3 场`, `3 to 5 万元` / `3 至 5 万元`,
    /// `in principle at most 30 万元` / `原则上不超过 30 万元`. `unit` follows the number after a
    /// space (none when empty).
    pub fn words(&self, unit: &str, scale: Scale) -> Text {
        let u = if unit.is_empty() { String::new() } else { format!(" {unit}") };
        let (lo, hi) = match scale {
            Scale::Count => (("at least", "不少于"), ("at most", "不超过")),
            Scale::Time => (("not before", "不早于"), ("by", "不晚于")),
        };
        let t = match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => match scale {
                Scale::Count => Text::new(format!("exactly {a}{u}"), format!("{a}{u}")),
                Scale::Time => Text::new(format!("on {a}"), format!("{a}")),
            },
            (Some(a), Some(b)) => match scale {
                Scale::Count => Text::new(format!("{a} to {b}{u}"), format!("{a} 至 {b}{u}")),
                Scale::Time => Text::new(format!("from {a} to {b}"), format!("{a} 至 {b}")),
            },
            (Some(a), None) => Text::new(format!("{} {a}{u}", lo.0), format!("{} {a}{u}", lo.1)),
            (None, Some(b)) => Text::new(format!("{} {b}{u}", hi.0), format!("{} {b}{u}", hi.1)),
            (None, None) => Text::new("no stated bound", "未规定界限"),
        };
        if self.soft { Text::new(format!("in principle {}", t.en), format!("原则上{}", t.zh)) } else { t }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_both_languages() {
        let w = |min, max, soft| Bounds { min, max, soft }.words("场", Scale::Count);
        assert_eq!(w(Some(3), None, false), Text::new("at least 3 场", "不少于 3 场"));
        assert_eq!(w(None, Some(36), false), Text::new("at most 36 场", "不超过 36 场"));
        assert_eq!(w(Some(3), Some(5), false), Text::new("3 to 5 场", "3 至 5 场"));
        assert_eq!(w(Some(4), Some(4), false), Text::new("exactly 4 场", "4 场"));
        assert_eq!(w(None, Some(30), true), Text::new("in principle at most 30 场", "原则上不超过 30 场"));
        let d = Bounds::new(Some("2023-05-01"), Some("2023-06-30")).words("", Scale::Time);
        assert_eq!(d, Text::new("from 2023-05-01 to 2023-06-30", "2023-05-01 至 2023-06-30"));
    }

    #[test]
    fn a_miss_says_which_side() {
        let b = Bounds::new(Some(3), Some(5));
        assert_eq!((b.miss(2), b.miss(3), b.miss(5), b.miss(6)), (Some(Miss::Below), None, None, Some(Miss::Above)));
    }
}
