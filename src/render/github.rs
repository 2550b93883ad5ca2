//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding,
//! which the runner shows as an annotation on the file, line and column.

use crate::diagnostics::{Finding, Severity};

/// One finding as a workflow command line (ending in a newline).
pub fn github(f: &Finding) -> String {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "notice",
    };
    let mut props = Vec::new();
    if let Some(file) = f.file.as_deref() {
        props.push(format!("file={}", property(&file.name)));
        if let Some(span) = f.primary_span() {
            let (line, col) = file.line_col(span.offset);
            let (end_line, end_col) = file.line_col(span.offset + span.len);
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            props.push(format!("endLine={end_line}"));
            if end_line == line {
                props.push(format!("endColumn={end_col}"));
            }
        }
    }
    props.push(format!("title={}", property(f.code.code)));
    let mut text = f.message.clone();
    if let Some(r) = &f.requirement {
        text.push_str(&format!("\nrequires: {r}"));
    }
    if let Some(c) = &f.citation {
        text.push_str(&format!("\nnotice: {c}"));
    }
    if let Some(h) = &f.help {
        text.push_str(&format!("\nhelp: {h}"));
    }
    format!("::{command} {}::{}\n", props.join(","), data(&text))
}

/// Escapes a command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::CodeInfo;

    static CODE: CodeInfo = CodeInfo { code: "demo.code", summary: "s", doc: "d" };

    #[test]
    fn special_characters_are_escaped() {
        let file = crate::source::SourceFile::new("dir/a,b:c.yaml", "key: value\n");
        let f =
            Finding::error(&CODE, "50% over\nthe cap").in_file(file).label(crate::diagnostics::Span::new(5, 5), "here").with_help("fix it");
        assert_eq!(
            github(&f),
            "::error file=dir/a%2Cb%3Ac.yaml,line=1,col=6,endLine=1,endColumn=11,title=demo.code::50%25 over%0Athe cap%0Ahelp: fix it\n"
        );
    }
}
