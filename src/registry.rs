//! Every finding code callspec can report, with its documentation (`callspec explain`).

use crate::diagnostics::CodeInfo;

/// All codes: input, schema, compiler, validation rules, then rules across applications.
pub fn all() -> Vec<&'static CodeInfo> {
    let mut v: Vec<&'static CodeInfo> = vec![
        crate::source::codes::UNREADABLE,
        crate::source::codes::ENCODING,
        crate::source::codes::DECODED,
        crate::source::codes::NOT_TEXT,
        crate::walk::LINK_LOOP,
        crate::walk::SAME_FILE,
        crate::source::codes::TOO_LARGE,
        crate::document::YAML,
        crate::document::LIMIT,
        crate::document::CONTROL,
        crate::document::FORMAT,
        crate::form::DOCX,
        crate::form::NO_FORM,
        crate::schema::UNKNOWN_KEY,
        crate::schema::MISSING_KEY,
        crate::schema::WRONG_TYPE,
        crate::schema::UNFILLED,
        crate::schema::BAD_VALUE,
    ];
    v.push(crate::load::CALL_UNAVAILABLE);
    v.push(crate::form::AMBIGUOUS_DATE);
    v.push(crate::form::CONFLICT);
    v.extend(crate::compile::codes::ALL.iter().copied());
    v.extend(crate::notice::check::ALL.iter().copied());
    v.extend(crate::amend::codes::ALL.iter().copied());
    v.extend(crate::kinds::rules().map(|r| r.info));
    v.push(crate::kinds::plan::NONE);
    v.extend(crate::batch::rules::ALL.iter().map(|r| r.info));
    v
}

/// The documentation of one code.
pub fn find(code: &str) -> Option<&'static CodeInfo> {
    all().into_iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_unique_and_well_formed() {
        let all = super::all();
        let mut seen = std::collections::HashSet::new();
        for c in &all {
            assert!(seen.insert(c.code), "duplicate code {}", c.code);
            assert!(c.code.split_once('.').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty()), "{}", c.code);
            assert!(c.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'-'), "{}", c.code);
            assert!(!c.summary.is_empty() && c.doc.len() > c.summary.len() / 2, "{}", c.code);
            // Every code is documented in Chinese too (`callspec explain --lang zh`).
            let chinese = |s: &str| s.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
            assert!(chinese(c.summary_zh) && chinese(c.doc_zh), "{} lacks its Chinese summary or doc", c.code);
            assert!(c.doc_zh.chars().count() > c.summary_zh.chars().count() / 2, "{}", c.code);
        }
        let list: Vec<&str> = all.iter().map(|c| c.code).collect();
        insta::assert_snapshot!(list.join("\n"));
    }
}
