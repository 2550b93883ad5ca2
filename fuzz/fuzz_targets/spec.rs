//! Bytes as a spec file: decode, parse, schema, typed read, compile, then every renderer.
//! Input that starts with `{` is also read as a `.json` file (the strict JSON path).
#![no_main]

use callspec::load;
use callspec::source::Limits;
use libfuzzer_sys::fuzz_target;

fn run(name: &str, data: &[u8]) {
    let findings = match callspec_fuzz::decode(name, data) {
        Err(findings) => findings,
        Ok(file) => load::spec_source(file, &Limits::default()).findings,
    };
    callspec_fuzz::render_all(&findings);
}

fuzz_target!(|data: &[u8]| {
    callspec_fuzz::assert_fast_path_agrees(data);
    run("fuzz.yaml", data);
    if data.starts_with(b"{") {
        run("fuzz.json", data);
    }
});
