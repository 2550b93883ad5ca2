//! What both fuzz targets share: the YAML fast-path check, and what they do with the findings
//! of one input: render each through every renderer (human, JSON, SARIF, GitHub) and check
//! that every label lies inside its file on character boundaries. A panic anywhere is a crash
//! for libFuzzer.

use callspec::diagnostics::Finding;
use callspec::render::{self, Style};
use callspec::source::{self, Limits};

/// Decodes bytes as a file of this name; the findings of decoding, or the decoded file.
pub fn decode(name: &str, data: &[u8]) -> Result<std::sync::Arc<source::SourceFile>, Vec<Finding>> {
    source::decode(name.to_owned(), data.to_vec(), &Limits::default()).map_err(|f| vec![f])
}

/// Renders every finding every way and checks its labels.
pub fn render_all(findings: &[Finding]) {
    for f in findings {
        if !f.labels.is_empty() {
            let file = f.file.as_deref().unwrap_or_else(|| panic!("{}: labels but no file", f.code.code));
            for l in &f.labels {
                let end = l.span.offset.checked_add(l.span.len).expect("span end overflows");
                assert!(end <= file.text.len(), "{}: label {:?} outside the file ({} bytes)", f.code.code, l.span, file.text.len());
                assert!(
                    file.text.is_char_boundary(l.span.offset) && file.text.is_char_boundary(end),
                    "{}: label {:?} splits a character",
                    f.code.code,
                    l.span
                );
            }
        }
        std::hint::black_box(render::human(f, Style::default()));
        std::hint::black_box(render::json_finding(f, callspec::i18n::Lang::En).to_string());
        std::hint::black_box(render::sarif_result(f, callspec::i18n::Lang::Zh).to_string());
        std::hint::black_box(render::github(f, callspec::i18n::Lang::En));
    }
}

/// Panics when the YAML fast path builds something other than what the full path builds
/// (it may leave the text to the full path).
pub fn assert_fast_path_agrees(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(e) = callspec::document::fast_path_agrees(text)
    {
        panic!("YAML fast path disagrees with the full path: {e}");
    }
}
