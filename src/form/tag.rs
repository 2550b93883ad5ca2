//! The tag of a content control: what binds it to its draft key. Version 1:
//!
//! ```text
//! tag     = "callspec/1" SP kind [ "!" ] [ "~" ] [ ":" as ] SP pointer
//! kind    = "text" / "lines" / "money" / "int" / "digits" / "date" / "choice" / "bool"
//!         / "choices"     ; several of a list, written one after another (、 or ，)
//!         / "json"        ; a value with no place of its own (附：其他填报内容), as JSON
//!         / "list"        ; the repeating section around a table's rows
//!         / "mirror-" kind ; a copy of a field shown elsewhere (the cover)
//! "!"     = the value is required: left empty it is still to fill (null), not left out
//! "~"     = a value set in advance in a table row (an event's KPI): a row holding nothing
//!           else is a blank row, not an entry
//! as      = "string" / "number" / "boolean" / "null" / "absent" / "array"
//!           ; how `fill` wrote a value the kind would read otherwise ("3301…" quoted in
//!           ; the draft, a key the draft lacks); a user typing into the form never needs it
//! pointer = an RFC 6901 JSON pointer; in a table row, the token "*" is the row's index
//! ```
//!
//! For example `callspec/1 money! /budget/requested`, `callspec/1 text! /team/*/name`,
//! `callspec/1 digits:string /lead/bank/account`. Reading ignores controls whose tag does not
//! start with `callspec/`; a later version number is refused with a message to update.

/// The prefix of every callspec tag.
pub const PREFIX: &str = "callspec/";
/// The version this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    Text,
    Lines,
    Money,
    Int,
    Digits,
    Date,
    Choice,
    /// Several values of a list (a declared `choices` field).
    Choices,
    Bool,
    Json,
    List,
}

impl TagKind {
    pub fn name(self) -> &'static str {
        match self {
            TagKind::Text => "text",
            TagKind::Lines => "lines",
            TagKind::Money => "money",
            TagKind::Int => "int",
            TagKind::Digits => "digits",
            TagKind::Date => "date",
            TagKind::Choice => "choice",
            TagKind::Choices => "choices",
            TagKind::Bool => "bool",
            TagKind::Json => "json",
            TagKind::List => "list",
        }
    }

    fn parse(s: &str) -> Option<TagKind> {
        Some(match s {
            "text" => TagKind::Text,
            "lines" => TagKind::Lines,
            "money" => TagKind::Money,
            "int" => TagKind::Int,
            "digits" => TagKind::Digits,
            "date" => TagKind::Date,
            "choice" => TagKind::Choice,
            "choices" => TagKind::Choices,
            "bool" => TagKind::Bool,
            "json" => TagKind::Json,
            "list" => TagKind::List,
            _ => return None,
        })
    }
}

/// How `fill` wrote a value that the kind alone would read otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum As {
    String,
    Number,
    Boolean,
    Null,
    Absent,
    Array,
}

impl As {
    fn name(self) -> &'static str {
        match self {
            As::String => "string",
            As::Number => "number",
            As::Boolean => "boolean",
            As::Null => "null",
            As::Absent => "absent",
            As::Array => "array",
        }
    }

    fn parse(s: &str) -> Option<As> {
        Some(match s {
            "string" => As::String,
            "number" => As::Number,
            "boolean" => As::Boolean,
            "null" => As::Null,
            "absent" => As::Absent,
            "array" => As::Array,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub kind: TagKind,
    pub mirror: bool,
    pub required: bool,
    pub preset: bool,
    pub r#as: Option<As>,
    pub pointer: String,
}

/// What a tag says, or why it cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// Not a callspec tag (another program's control, or none).
    Foreign,
    /// A callspec tag of a later version.
    Newer(u32),
    /// A callspec tag this build does not understand.
    Broken,
    Tag(Tag),
}

impl Tag {
    pub fn new(kind: TagKind, pointer: impl Into<String>) -> Tag {
        Tag { kind, mirror: false, required: false, preset: false, r#as: None, pointer: pointer.into() }
    }

    pub fn format(&self) -> String {
        let mirror = if self.mirror { "mirror-" } else { "" };
        let required = if self.required { "!" } else { "" };
        let preset = if self.preset { "~" } else { "" };
        let r#as = self.r#as.map(|a| format!(":{}", a.name())).unwrap_or_default();
        format!("{PREFIX}{VERSION} {mirror}{}{required}{preset}{as} {}", self.kind.name(), self.pointer, as = r#as)
    }

    pub fn parse(s: &str) -> Parsed {
        let Some(rest) = s.trim_start().strip_prefix(PREFIX) else { return Parsed::Foreign };
        let (version, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        match version.parse::<u32>() {
            Ok(VERSION) => {}
            Ok(v) if v > VERSION => return Parsed::Newer(v),
            _ => return Parsed::Broken,
        }
        let Some((head, pointer)) = rest.split_once(' ') else { return Parsed::Broken };
        if !(pointer.is_empty() || pointer.starts_with('/')) {
            return Parsed::Broken;
        }
        let (head, r#as) = match head.split_once(':') {
            Some((h, a)) => match As::parse(a) {
                Some(a) => (h, Some(a)),
                None => return Parsed::Broken,
            },
            None => (head, None),
        };
        let (head, preset) = match head.strip_suffix('~') {
            Some(h) => (h, true),
            None => (head, false),
        };
        let (head, required) = match head.strip_suffix('!') {
            Some(h) => (h, true),
            None => (head, false),
        };
        let (head, mirror) = match head.strip_prefix("mirror-") {
            Some(h) => (h, true),
            None => (head, false),
        };
        match TagKind::parse(head) {
            Some(kind) => Parsed::Tag(Tag { kind, mirror, required, preset, r#as, pointer: pointer.to_owned() }),
            None => Parsed::Broken,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_back_as_written() {
        let mut t = Tag::new(TagKind::Digits, "/lead/bank/account");
        t.r#as = Some(As::String);
        t.required = true;
        assert_eq!(t.format(), "callspec/1 digits!:string /lead/bank/account");
        assert_eq!(Tag::parse(&t.format()), Parsed::Tag(t.clone()));
        t.mirror = true;
        t.r#as = None;
        assert_eq!(t.format(), "callspec/1 mirror-digits! /lead/bank/account");
        assert_eq!(Tag::parse(&t.format()), Parsed::Tag(t.clone()));
        t.preset = true;
        assert_eq!(t.format(), "callspec/1 mirror-digits!~ /lead/bank/account");
        assert_eq!(Tag::parse(&t.format()), Parsed::Tag(t));
        // A key with a space stays whole.
        let t = Tag::new(TagKind::Json, "/project/a b");
        assert_eq!(Tag::parse(&t.format()), Parsed::Tag(t));
    }

    #[test]
    fn other_tags_are_told_apart() {
        assert_eq!(Tag::parse("Clause_3246"), Parsed::Foreign);
        assert_eq!(Tag::parse("callspec/2 text /x"), Parsed::Newer(2));
        assert_eq!(Tag::parse("callspec/1 teext /x"), Parsed::Broken);
        assert_eq!(Tag::parse("callspec/1 text x"), Parsed::Broken);
    }
}
