//! Messages in two languages: every finding's message, labels, requirement and help carry an
//! English and a Chinese text ([`Text`]); renderers pick one by [`Lang`]. Names, category
//! names and quoted clauses from the notice are inserted as written in both.
//!
//! The documentation of every code has its Chinese text beside the English one
//! (`CodeInfo::summary_zh`, `doc_zh`); the command line's Chinese `--help` lives in the binary
//! (`src/cli/help_zh.rs`). Finding codes, keys and ids stay as they are.

use std::fmt;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (简体中文).
    Zh,
}

impl Lang {
    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty; a value starting with `zh` means Chinese, anything else English.
    pub fn from_env() -> Self {
        Self::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Self {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|n| var(n).filter(|v| !v.is_empty()));
        match value {
            Some(v) if v.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// `en` or `zh`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

/// A text in English and Chinese. Made with [`tr!`](crate::tr), or from one string that reads
/// the same in both (a name, a quoted clause, an untranslated message).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self { en: en.into(), zh: zh.into() }
    }

    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Both texts passed through `f`.
    pub fn map(&self, mut f: impl FnMut(&str) -> String) -> Self {
        Self { en: f(&self.en), zh: f(&self.zh) }
    }

    /// Whether `f` holds for either text.
    pub fn any(&self, f: impl Fn(&str) -> bool) -> bool {
        f(&self.en) || f(&self.zh)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Self { zh: s.clone(), en: s }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self { en: s.to_owned(), zh: s.to_owned() }
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Self::from(s.as_str())
    }
}

impl Text {
    /// One string carrying both texts, for an error type that holds only a string (serde's
    /// custom errors): English, a unit separator, Chinese. [`Text::from_wire`] reads it back.
    pub fn to_wire(&self) -> String {
        format!("{}\u{1f}{}", self.en, self.zh)
    }

    /// The text [`Text::to_wire`] wrote; a plain string reads as the same text in both languages.
    pub fn from_wire(s: &str) -> Text {
        match s.split_once('\u{1f}') {
            Some((en, zh)) => Text::new(en, zh),
            None => Text::from(s),
        }
    }
}

impl std::error::Error for Text {}

/// The English text (what logs and `Debug` output show).
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A [`Text`] from two format strings, English then Chinese, each formatted with the same
/// captured variables (or the same trailing arguments, which both strings must use):
/// `tr!("requested {x} exceeds the cap", "申请经费 {x} 超过上限")`.
#[macro_export]
macro_rules! tr {
    ($en:literal, $zh:literal $(,)?) => {
        $crate::i18n::Text { en: format!($en), zh: format!($zh) }
    };
    ($en:literal, $zh:literal, $($arg:tt)+) => {
        $crate::i18n::Text { en: format!($en, $($arg)+), zh: format!($zh, $($arg)+) }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_picks_the_language() {
        let env =
            |pairs: &'static [(&'static str, &'static str)]| move |n: &str| pairs.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string());
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "zh_TW")])), Lang::Zh);
        assert_eq!(Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "")])), Lang::Zh);
    }

    #[test]
    fn tr_formats_both_languages_with_the_same_variables() {
        let (cap, unit) = (5, "万元");
        let t = crate::tr!("cap {cap} {unit}", "上限 {cap} {unit}");
        assert_eq!(t.get(Lang::En), "cap 5 万元");
        assert_eq!(t.get(Lang::Zh), "上限 5 万元");
        let t = crate::tr!("{} of {}", "{1}中的{0}", 1, 2);
        assert_eq!((t.en.as_str(), t.zh.as_str()), ("1 of 2", "2中的1"));
    }
}
