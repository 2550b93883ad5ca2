//! Bytes as an application draft: decode (as `x.yaml`, and as `x.json` when the input starts
//! with `{`), parse, schema, typed read, validate against the bundled Hangzhou call (compiled
//! once), then every renderer.
#![no_main]

use std::sync::OnceLock;

use callspec::application::Application;
use callspec::load;
use callspec::model::Call;
use callspec::schema::Kind;
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
        Ok(file) => match load::typed::<Application>(file, Kind::Application, &Limits::default()) {
            Err(findings) => findings,
            Ok((doc, app)) => callspec::validate::validate(call(), &doc, &app, as_of),
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
