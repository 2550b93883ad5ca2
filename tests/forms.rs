//! The Word 申报书: `form`, `fill`, `validate` and `export` through the binary. Every example
//! draft of every call is filled into a form, which must validate as the draft does and export
//! back to the same draft; forms edited through a real document library (python-docx) and saved
//! by LibreOffice are read back; LibreOffice renders a form of each call to PDF.

mod common;

use std::path::{Path, PathBuf};

use common::{callspec, root, stdout};
use serde_json::Value;

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("callspec-forms-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn examples() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for call in ["hangzhou-2025", "ningxia-2025", "jiangsu-2024", "cast-2021"] {
        for kind in ["valid", "invalid"] {
            out.extend(common::yaml_files(&root().join("examples").join(call).join(kind)));
        }
    }
    out
}

/// Findings of one file as (code, severity, message, label texts, form pointers).
type Key = (String, String, String, Vec<String>);

/// The findings of one file validated on its own, and the exit code.
fn findings(path: &Path) -> (Option<i32>, Vec<Key>) {
    let out = callspec(&["validate", "--format", "json", "--lang", "en", &path.display().to_string()]);
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    let mut keys: Vec<Key> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let labels = f["labels"].as_array().unwrap().iter().map(|l| l["text"].as_str().unwrap_or("").to_owned()).collect();
            (
                f["code"].as_str().unwrap().to_owned(),
                f["severity"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
                labels,
            )
        })
        .collect();
    keys.sort();
    (out.status.code(), keys)
}

/// The JSON value of a YAML or JSON file, as the document layer reads it.
fn value_of(path: &Path) -> Value {
    let (doc, _) = callspec::load::application_document(path, &callspec::source::Limits::default()).expect("readable");
    doc.value
}

#[test]
fn every_example_round_trips_through_a_filled_form() {
    let dir = scratch("round-trip");
    let drafts = examples();
    assert!(drafts.len() > 100, "{} examples", drafts.len());
    let mut forms = Vec::new();
    for d in &drafts {
        let name = format!(
            "{}-{}-{}.docx",
            d.parent().unwrap().parent().unwrap().file_name().unwrap().to_string_lossy(),
            d.parent().unwrap().file_name().unwrap().to_string_lossy(),
            d.file_stem().unwrap().to_string_lossy()
        );
        let form = dir.join(name);
        let out = callspec(&["fill", &d.display().to_string(), "-o", &form.display().to_string()]);
        assert!(out.status.success(), "fill {}: {}", d.display(), String::from_utf8_lossy(&out.stderr));
        forms.push(form);
    }
    // The same findings, code, severity, message and labels, for the draft and its form.
    let mut differ = Vec::new();
    for (d, f) in drafts.iter().zip(&forms) {
        let (a, b) = (findings(d), findings(f));
        if a != b {
            differ.push(format!("{}\n  draft: {a:?}\n  form:  {b:?}", d.display()));
        }
    }
    assert!(differ.is_empty(), "{} of {} differ:\n{}", differ.len(), drafts.len(), differ.join("\n"));
    // Exported back, as JSON and as YAML, the form gives the draft's value.
    for (d, f) in drafts.iter().zip(&forms) {
        let want = value_of(d);
        let json = callspec(&["export", &f.display().to_string(), "--format", "json"]);
        assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
        let got: Value = serde_json::from_str(&stdout(&json)).unwrap();
        assert_eq!(got, want, "JSON export of {}", d.display());
        let yaml = dir.join("export.yaml");
        let _ = std::fs::remove_file(&yaml);
        let out = callspec(&["export", &f.display().to_string(), "-o", &yaml.display().to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(value_of(&yaml), want, "YAML export of {}", d.display());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A value with the digit-only texts of its digit fields (phone, account, …) as numbers, as
/// YAML reads them unquoted.
fn plain(v: Value) -> Value {
    const DIGITS: &[&str] = &["account", "phone", "mobile", "postal_code", "contact"];
    match v {
        Value::Array(a) => Value::Array(a.into_iter().map(plain).collect()),
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| match v {
                    Value::String(s)
                        if DIGITS.contains(&k.as_str())
                            && !s.is_empty()
                            && s.bytes().all(|b| b.is_ascii_digit())
                            && !s.starts_with('0') =>
                    {
                        let v = s.parse::<u64>().map_or(Value::String(s), Value::from);
                        (k, v)
                    }
                    v => (k, plain(v)),
                })
                .collect(),
        ),
        v => v,
    }
}

/// Whether a tool the test needs is there. In CI (`CI` set) a missing tool fails the test;
/// elsewhere the test says so and stops.
#[allow(clippy::print_stderr, reason = "a skipped check says so where `cargo test` shows it")]
fn have(what: &str, mut probe: std::process::Command) -> bool {
    let ok = probe.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).status().is_ok_and(|s| s.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "{what} is missing; .ci/run installs it");
        eprintln!("skipped: {what} is not installed (.ci/run installs it)");
    }
    ok
}

fn python_docx() -> bool {
    let mut c = std::process::Command::new("python3");
    c.args(["-c", "import docx"]);
    have("python-docx (pip install python-docx)", c)
}

fn soffice() -> bool {
    let mut c = std::process::Command::new("soffice");
    c.arg("--version");
    have("LibreOffice (soffice)", c)
}

/// LibreOffice converts `file` into `dir` (`docx` or `pdf`); each run gets its own profile so
/// tests may run at once.
fn libreoffice(file: &Path, to: &str, dir: &Path) -> PathBuf {
    let profile = dir.join("lo-profile");
    // A hung LibreOffice ends the test instead of the CI run.
    let out = std::process::Command::new("timeout")
        .args(["300", "soffice"])
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .expect("soffice runs");
    let made = dir.join(file.file_stem().unwrap()).with_extension(to.split(':').next().unwrap());
    assert!(made.is_file(), "soffice made no {}: {}", made.display(), String::from_utf8_lossy(&out.stderr));
    made
}

/// An empty form filled through python-docx from a draft validates as the draft does, reads
/// back as its value (amounts typed in full-width digits, dates as 2025年5月1日, runs split,
/// rows copied by hand), and so does that form saved again by LibreOffice.
#[test]
fn a_form_filled_with_python_docx_validates_as_its_yaml_twin() {
    if !python_docx() {
        return;
    }
    let dir = scratch("python-docx");
    let lo = soffice();
    let twins = [
        "hangzhou-2025/valid/key-academic-society.yaml",
        "hangzhou-2025/invalid/budget-items-sum.yaml",
        "cast-2021/valid/teams-industry.yaml",
    ];
    for (n, twin) in twins.iter().enumerate() {
        let yaml = root().join("examples").join(twin);
        let mut want = value_of(&yaml);
        let (call, category) = (want["call"].as_str().unwrap().to_owned(), want["category"].as_str().unwrap().to_owned());
        let form = dir.join(format!("form-{n}.docx"));
        let out = callspec(&["form", "--call", &call, "--category", &category, "-o", &form.display().to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let draft = dir.join(format!("draft-{n}.json"));
        std::fs::write(&draft, serde_json::to_string(&want).unwrap()).unwrap();
        let filled = dir.join(format!("filled-{n}.docx"));
        let py = std::process::Command::new("python3")
            .arg(root().join("tests/forms/fill.py"))
            .args([&form, &draft, &filled])
            .output()
            .expect("python3 runs");
        assert!(py.status.success(), "fill.py: {}", String::from_utf8_lossy(&py.stderr));
        // The empty form has no `expect:`; both are judged at the same moment.
        let expect = want.as_object_mut().unwrap().remove("expect");
        let as_of = expect.as_ref().and_then(|e| e["as_of"].as_str()).unwrap_or("2030-01-01").to_owned();
        let strip = |path: &Path| -> Vec<Key> {
            let out = callspec(&["validate", "--format", "json", "--lang", "en", "--as-of", &as_of, &path.display().to_string()]);
            let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
            let mut keys: Vec<Key> = report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| {
                    (
                        f["code"].as_str().unwrap().to_owned(),
                        f["severity"].as_str().unwrap().to_owned(),
                        f["message"].as_str().unwrap().to_owned(),
                        Vec::new(),
                    )
                })
                .collect();
            keys.sort();
            keys
        };
        let twin_yaml = dir.join(format!("twin-{n}.yaml"));
        std::fs::write(&twin_yaml, callspec::form::to_yaml(&want, "twin")).unwrap();
        let expected = strip(&twin_yaml);
        assert_eq!(strip(&filled), expected, "{twin} filled with python-docx");
        // Typed into a form, digits read as the unquoted YAML twin reads them: the draft's
        // quoted account number "3301…" is typed 3301… and reads as a number.
        let want = plain(want);
        let json = callspec(&["export", &filled.display().to_string(), "--format", "json"]);
        let got: Value = serde_json::from_str(&stdout(&json)).unwrap();
        assert_eq!(got, want, "{twin}: the form filled with python-docx reads back as the draft");
        if lo {
            let saved_dir = dir.join(format!("lo-{n}"));
            std::fs::create_dir_all(&saved_dir).unwrap();
            let saved = libreoffice(&filled, "docx:MS Word 2007 XML", &saved_dir);
            assert_eq!(strip(&saved), expected, "{twin} filled with python-docx, saved by LibreOffice");
            let json = callspec(&["export", &saved.display().to_string(), "--format", "json"]);
            let got: Value = serde_json::from_str(&stdout(&json)).unwrap();
            assert_eq!(got, want, "{twin}: saved by LibreOffice, the form reads back as the draft");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// LibreOffice renders the empty form of one category per call to PDF with its Chinese text
/// in a CJK font, and pdftoppm makes page images of it (kept under `target/form-pages/` to
/// look at).
#[test]
fn libreoffice_renders_a_form_of_every_call() {
    let mut c = std::process::Command::new("pdftoppm");
    c.arg("-v");
    if !soffice() || !have("poppler-utils (pdftoppm)", c) {
        return;
    }
    let dir = scratch("pdf");
    let pages = root().join("target/form-pages");
    std::fs::create_dir_all(&pages).unwrap();
    for (call, category) in [
        ("hangzhou-2025", "key/academic-society"),
        ("ningxia-2025", "academic-exchange"),
        ("jiangsu-2024", "platform/academician-center"),
        ("cast-2021", "teams/industry"),
    ] {
        let form = dir.join(format!("{call}.docx"));
        let out = callspec(&["form", "--call", call, "--category", category, "-o", &form.display().to_string()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let pdf = libreoffice(&form, "pdf", &dir);
        let fonts = std::process::Command::new("pdffonts").arg(&pdf).output().expect("pdffonts runs");
        let fonts = String::from_utf8_lossy(&fonts.stdout).into_owned();
        assert!(fonts.contains("CJK"), "{call}: no CJK font in the PDF (fonts-noto-cjk):\n{fonts}");
        let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext runs");
        let text = String::from_utf8_lossy(&text.stdout).into_owned();
        for words in ["项目申报书", "项目基本情况", "项目经费预算", "申报单位"] {
            assert!(text.contains(words), "{call}: the PDF lacks {words}");
        }
        let prefix = pages.join(call);
        let out = std::process::Command::new("pdftoppm").args(["-r", "60", "-png"]).arg(&pdf).arg(&prefix).output().expect("pdftoppm runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let made =
            std::fs::read_dir(&pages).unwrap().filter_map(Result::ok).filter(|e| e.file_name().to_string_lossy().starts_with(call)).count();
        assert!(made >= 5, "{call}: {made} pages");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
