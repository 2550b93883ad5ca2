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
    // The YAML fast path builds what the full path builds, or leaves the text to it.
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(e) = callspec::document::fast_path_agrees(text)
    {
        panic!("YAML fast path disagrees with the full path: {e}");
    }
    run("fuzz.yaml", data);
    if data.starts_with(b"{") {
        run("fuzz.json", data);
    }
});
