//! Bytes as an application draft: decode (as `x.yaml`, and as `x.json` when the input starts
//! with `{`), parse, schema, typed read, validate against the bundled Hangzhou call (compiled
//! once), then every renderer.
#![no_main]

use std::sync::OnceLock;

use callspec::load;
use callspec::model::Call;
use callspec::source::{Limits, SourceFile};
use libfuzzer_sys::fuzz_target;

const SPEC: &str = include_str!("../../specs/hangzhou-2025.yaml");

fn call() -> &'static Call {
    static CALL: OnceLock<Call> = OnceLock::new();
    CALL.get_or_init(|| {
        let out = load::spec_source(SourceFile::new("hangzhou-2025.yaml", SPEC), &Limits::default());
        out.call.expect("the Hangzhou spec compiles")
    })
}

fn run(name: &str, data: &[u8]) {
    // Before the deadline of 2025-04-21, so both declared and missing submissions matter.
    let as_of: chrono::NaiveDateTime = "2025-04-01T10:00:00".parse().expect("valid");
    let findings = match callspec_fuzz::decode(name, data) {
        Err(findings) => findings,
        // As `validate` does: the tolerant read, then the rules on what could be read.
        Ok(file) => match callspec::document::parse(file, &Limits::default()) {
            Err(f) => vec![f],
            Ok(doc) => {
                let (app, mut findings) = load::application_of(&doc);
                if let Some(app) = app {
                    findings.extend(callspec::validate::validate(call(), &doc, &app, as_of));
                }
                findings
            }
        },
    };
    callspec_fuzz::render_all(&findings);
}

fuzz_target!(|data: &[u8]| {
    callspec_fuzz::assert_fast_path_agrees(data);
    run("x.yaml", data);
    if data.starts_with(b"{") {
        run("x.json", data);
    }
});
