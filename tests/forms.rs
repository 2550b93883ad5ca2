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
    // Drafts of built-in calls, and of a corpus call whose form declares fields of its own (a
    // sex, a birth date, a yes/no box, several conditions picked from a list).
    let twins = [
        ("examples/hangzhou-2025/valid/key-academic-society.yaml", None),
        ("examples/hangzhou-2025/invalid/budget-items-sum.yaml", None),
        ("examples/cast-2021/valid/teams-industry.yaml", None),
        (
            "tests/corpus/jiangsu-soil-18-youth-award/valid/society-woman-1979.yaml",
            Some("tests/corpus/jiangsu-soil-18-youth-award/spec.yaml"),
        ),
    ];
    for (n, (twin, specs)) in twins.iter().enumerate() {
        let yaml = root().join(twin);
        let specs: Vec<String> = specs.map(|s| vec!["--specs".to_owned(), root().join(s).display().to_string()]).unwrap_or_default();
        let specs: Vec<&str> = specs.iter().map(String::as_str).collect();
        let mut want = value_of(&yaml);
        let (call, category) = (want["call"].as_str().unwrap().to_owned(), want["category"].as_str().unwrap().to_owned());
        let form = dir.join(format!("form-{n}.docx"));
        let out = callspec(&[&["form", "--call", &call, "--category", &category, "-o", &form.display().to_string()], &specs[..]].concat());
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
            let path = path.display().to_string();
            let out = callspec(&[&["validate", "--format", "json", "--lang", "en", "--as-of", &as_of, &path], &specs[..]].concat());
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

/// The form filled from a draft, in `dir`.
fn filled(dir: &Path, draft: &str, name: &str) -> PathBuf {
    let form = dir.join(name);
    let out = callspec(&["fill", &root().join(draft).display().to_string(), "-o", &form.display().to_string()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    form
}

/// A copy of a Word file with its main document edited.
fn edited(form: &Path, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    use std::io::{Read, Write};
    let mut z = zip::ZipArchive::new(std::fs::File::open(form).unwrap()).unwrap();
    let out = form.with_file_name(name);
    let mut w = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        let name = f.name().expect("entry name").into_owned();
        if name == "word/document.xml" {
            bytes = edit(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
    out
}

/// The text of the control tagged `tag` replaced by `runs` (raw WordprocessingML runs).
fn retyped(xml: &str, tag: &str, runs: &str) -> String {
    let at = xml.find(&format!("w:val=\"{tag}\"")).unwrap_or_else(|| panic!("no control {tag}"));
    let start = xml[at..].find("<w:sdtContent>").unwrap() + at + "<w:sdtContent>".len();
    let end = xml[start..].find("</w:sdtContent>").unwrap() + start;
    format!("{}{runs}{}", &xml[..start], &xml[end..])
}

/// The control tagged `tag` removed, as a user deletes it.
fn deleted(xml: &str, tag: &str) -> String {
    let at = xml.find(&format!("w:val=\"{tag}\"")).unwrap_or_else(|| panic!("no control {tag}"));
    let start = xml[..at].rfind("<w:sdt>").unwrap();
    let end = xml[at..].find("</w:sdt>").unwrap() + at + "</w:sdt>".len();
    format!("{}{}", &xml[..start], &xml[end..])
}

fn report(path: &Path) -> (i32, Value) {
    let out = callspec(&["validate", "--format", "json", "--lang", "en", "--as-of", "2030-01-01", &path.display().to_string()]);
    (out.status.code().unwrap_or(-1), serde_json::from_str(&stdout(&out)).expect("JSON report"))
}

fn codes(r: &Value) -> Vec<String> {
    let mut v: Vec<String> = r["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_owned()).collect();
    v.sort();
    v
}

/// What people and other programs do to a form, and what callspec reads from it.
#[test]
fn forms_are_read_as_people_leave_them() {
    let dir = scratch("robust");
    let form = filled(&dir, "examples/hangzhou-2025/valid/key-academic-society.yaml", "base.docx");
    let base = value_of(&root().join("examples/hangzhou-2025/valid/key-academic-society.yaml"));
    let export = |p: &Path| -> Value {
        let out = callspec(&["export", &p.display().to_string(), "--format", "json"]);
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    // Runs split anywhere, with xml:space, a line break and a tab, pasted formatting.
    let split = edited(&form, "split.docx", |x| {
        retyped(
            &x,
            "callspec/1 lines! /project/summary",
            "<w:r><w:rPr><w:b/></w:rPr><w:t>聚焦</w:t></w:r><w:r><w:t xml:space=\"preserve\"> 大模型 </w:t></w:r><w:r><w:br/><w:t>第二行</w:t><w:tab/><w:t>完</w:t></w:r>",
        )
    });
    assert_eq!(export(&split)["project"]["summary"], "聚焦 大模型 \n第二行\t完");
    // Full-width digits in an amount; dates typed the Chinese way and with dots.
    let typed = edited(&form, "typed.docx", |x| {
        let x = retyped(&x, "callspec/1 money! /budget/requested", "<w:r><w:t>４．８</w:t></w:r>");
        let x = retyped(&x, "callspec/1 date! /project/start", "<w:r><w:t>2025.5.1</w:t></w:r>");
        retyped(&x, "callspec/1 date! /project/end", "<w:r><w:t>２０２５年１１月３０日</w:t></w:r>")
    });
    let v = export(&typed);
    assert_eq!(
        (v["budget"]["requested"].clone(), v["project"]["start"].clone(), v["project"]["end"].clone()),
        (base["budget"]["requested"].clone(), base["project"]["start"].clone(), base["project"]["end"].clone())
    );
    let without_names = |(exit, mut r): (i32, serde_json::Value)| {
        r["files"].as_array_mut().into_iter().flatten().for_each(|f| f["file"] = serde_json::Value::Null);
        (exit, r)
    };
    assert_eq!(without_names(report(&typed)), without_names(report(&form)));
    // An ambiguous date is kept as typed and reported once, where it is.
    let ambiguous = edited(&form, "ambiguous.docx", |x| retyped(&x, "callspec/1 date! /project/start", "<w:r><w:t>5/1/2025</w:t></w:r>"));
    let (exit, r) = report(&ambiguous);
    assert_eq!((exit, codes(&r)), (1, vec!["form.date".to_owned()]), "{r}");
    let label = &r["findings"][0]["labels"][0];
    assert_eq!((label["pointer"].as_str(), label["value"].as_str()), (Some("/project/start"), Some("5/1/2025")));
    assert_eq!(label["place"]["text"], "一、项目基本情况 › 项目开始日期");
    // Placeholder text left in place, its flag gone (only the style says so): empty.
    let left = edited(&form, "placeholder.docx", |x| {
        retyped(&x, "callspec/1 text! /contact/name", "<w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t>请填写</w:t></w:r>")
    });
    let (_, r) = report(&left);
    assert_eq!(codes(&r), ["schema.unfilled"], "{r}");
    assert_eq!(r["findings"][0]["labels"][0]["place"]["text"], "三、项目负责人及联系人 › 项目联系人 › 姓名");
    // The placeholder's own text typed over, unstyled: still the placeholder, not a value.
    let same = edited(&form, "same.docx", |x| retyped(&x, "callspec/1 text! /contact/name", "<w:r><w:t>请填写</w:t></w:r>"));
    assert_eq!(codes(&report(&same).1), ["schema.unfilled"]);
    // The cover contradicting the body: the body's value counts, the cover is reported.
    let conflict =
        edited(&form, "conflict.docx", |x| retyped(&x, "callspec/1 mirror-text /project/name", "<w:r><w:t>另一个项目</w:t></w:r>"));
    let (_, r) = report(&conflict);
    assert_eq!(codes(&r), ["form.conflict"], "{r}");
    assert_eq!(export(&conflict)["project"]["name"], base["project"]["name"]);
    // The body's value deleted, the cover's counts.
    let cover = edited(&form, "cover.docx", |x| deleted(&x, "callspec/1 text! /project/name"));
    assert_eq!(export(&cover)["project"]["name"], base["project"]["name"]);
    // A deleted control is a missing value, reported as such.
    let gone = edited(&form, "deleted.docx", |x| deleted(&x, "callspec/1 lines! /project/summary"));
    let (_, r) = report(&gone);
    assert_eq!(codes(&r), ["schema.missing-key"], "{r}");
    // A row copied by hand (outside the repeating section) is one more entry.
    let copied = edited(&form, "copied.docx", |x| {
        let start = x.find("<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"760\"").unwrap();
        let row_at = x[start..].find("callspec/1 text! /budget/items/*/name").map(|i| i + start).unwrap();
        let row_start = x[..row_at].rfind("<w:tr>").unwrap();
        let row_end = x[row_at..].find("</w:tr>").unwrap() + row_at + "</w:tr>".len();
        let row = &x[row_start..row_end];
        let section_end = x[row_end..].find("</w:sdtContent></w:sdt><w:tr>").map(|i| i + row_end).unwrap();
        format!("{}{}{row}{}", &x[..section_end], "</w:sdtContent></w:sdt>", &x[section_end + "</w:sdtContent></w:sdt>".len()..])
    });
    let items = export(&copied)["budget"]["items"].as_array().unwrap().len();
    assert_eq!(items, base["budget"]["items"].as_array().unwrap().len() + 1);
    assert!(codes(&report(&copied).1).contains(&"budget.items-sum".to_owned()));
    // A value too long for the notice's limit: reported on its place, the value shown cut.
    let long = edited(&form, "long.docx", |x| {
        retyped(&x, "callspec/1 lines! /project/summary", &format!("<w:r><w:t>{}</w:t></w:r>", "长".repeat(600)))
    });
    let (_, r) = report(&long);
    assert_eq!(codes(&r), ["text.length"], "{r}");
    let human = callspec(&["validate", "--lang", "zh", &long.display().to_string()]);
    let text = stdout(&human);
    assert!(
        text.contains("位置：") && text.contains("一、项目基本情况 › 项目主要内容摘要：“长长") && text.contains("…（共 600 字）"),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A zip archive with the given members, written with deflate.
fn zip_of(path: &Path, members: &[(&str, &[u8])]) {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
}

/// Word files callspec cannot use get a clear message and exit 2, never a guess: a document
/// without callspec's controls, a zip that is not a Word document, a zip bomb, an archive of
/// too many members, a damaged file.
#[test]
fn unusable_word_files_exit_2_with_a_clear_message() {
    let dir = scratch("hostile");
    let plain = dir.join("notice-form.docx");
    let doc = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>项目名称：人工智能</w:t></w:r></w:p></w:body></w:document>";
    zip_of(&plain, &[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", doc.as_bytes())]);
    let not_word = dir.join("archive.docx");
    zip_of(&not_word, &[("readme.txt", b"hello")]);
    let bomb = dir.join("bomb.docx");
    zip_of(&bomb, &[("word/document.xml", &vec![b' '; 80 * 1024 * 1024])]);
    let many = dir.join("many.docx");
    let names: Vec<String> = (0..2_500).map(|i| format!("m/{i}.xml")).collect();
    let mut members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    members.push(("word/document.xml", doc.as_bytes()));
    zip_of(&many, &members);
    let damaged = dir.join("damaged.docx");
    let mut bytes = std::fs::read(&plain).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&damaged, bytes).unwrap();
    for (file, code, words) in [
        (&plain, "input.docx-form", "without callspec"),
        (&not_word, "input.not-text", "zip archive"),
        (&bomb, "input.docx", "uncompressed"),
        (&many, "input.docx", "members"),
        (&damaged, "input.docx", "not a readable Word file"),
    ] {
        let started = std::time::Instant::now();
        let out = callspec(&["validate", "--lang", "en", &file.display().to_string()]);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(2), "{}: {text}", file.display());
        assert!(text.contains(code) && text.contains(words), "{}: {text}", file.display());
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{}", file.display());
    }
    // Without controls, the message says which command makes the call's form.
    let out = callspec(&["validate", "--lang", "zh", &plain.display().to_string()]);
    assert!(stdout(&out).contains("callspec form --call"), "{}", stdout(&out));
    // `export` refuses what is not a Word file.
    let out = callspec(&["export", "--lang", "en", "examples/hangzhou-2025/valid/key-academic-society.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is not a Word file (.docx)"), "{said}");
    // A PDF too: the message is export's, not the draft reader's.
    let pdf = dir.join("form.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").unwrap();
    let out = callspec(&["export", "--lang", "en", &pdf.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("form.pdf is not a Word file (.docx)"), "{said}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A folder mixing Word forms, YAML and JSON drafts is validated file by file.
#[test]
fn a_folder_mixing_forms_and_drafts_is_validated() {
    let dir = scratch("mixed");
    filled(&dir, "examples/hangzhou-2025/invalid/budget-items-sum.yaml", "a.docx");
    std::fs::copy(root().join("examples/jiangsu-2024/valid/activity-conference.yaml"), dir.join("b.yaml")).unwrap();
    let value = value_of(&root().join("examples/cast-2021/valid/conference.yaml"));
    std::fs::write(dir.join("c.json"), serde_json::to_string(&value).unwrap()).unwrap();
    let (exit, r) = report(&dir);
    assert_eq!(exit, 1, "{r}");
    assert_eq!(r["files"].as_array().map(Vec::len), Some(3));
    let f = r["findings"].as_array().unwrap().iter().find(|f| f["code"] == "budget.items-sum").expect("the form's finding");
    assert!(f["file"].as_str().unwrap().ends_with("a.docx"));
    assert_eq!(f["labels"][0]["place"]["section"], "六、项目经费预算");
    // The form's findings in the other formats name the place too.
    let sarif = callspec(&["validate", "--format", "sarif", &dir.join("a.docx").display().to_string()]);
    let sarif: Value = serde_json::from_str(&stdout(&sarif)).unwrap();
    let loc = &sarif["runs"][0]["results"][0]["locations"][0];
    assert_eq!(loc["logicalLocations"][0]["fullyQualifiedName"].as_str().map(|s| s.starts_with("六、项目经费预算")), Some(true), "{loc}");
    assert!(loc["properties"]["pointer"].as_str().is_some_and(|p| p.starts_with("/budget")), "{loc}");
    let github = stdout(&callspec(&["validate", "--format", "github", &dir.join("a.docx").display().to_string()]));
    assert!(github.starts_with("::error file=") && !github.contains("line=") && github.contains("六、项目经费预算"), "{github}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// How a finding on a form reads, in both languages.
#[test]
fn findings_on_a_form_name_its_places() {
    let dir = scratch("snapshot");
    filled(&dir, "examples/hangzhou-2025/invalid/budget-amount-mismatch.yaml", "申报书.docx");
    let run = |lang: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_callspec"))
            .args(["validate", "--lang", lang, "申报书.docx", "--specs"])
            .arg(root().join("specs"))
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        stdout(&out)
    };
    insta::assert_snapshot!("form_finding_en", run("en"));
    insta::assert_snapshot!("form_finding_zh", run("zh"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The corpus calls declare fields of their own forms (a birth date, membership, a topic): each
/// has its own place in the Word form, and a form filled from any corpus draft validates as the
/// draft does and exports back to it.
#[test]
fn declared_fields_have_their_places_in_the_form() {
    let dir = scratch("declared");
    let mut checked = 0;
    let mut placed = std::collections::BTreeSet::new();
    for call in std::fs::read_dir(root().join("tests/corpus")).unwrap().map(|e| e.unwrap().path()) {
        let spec = call.join("spec.yaml");
        if !spec.is_file() {
            continue;
        }
        let compiled = callspec::load::spec_path(&spec, &callspec::source::Limits::default()).call.expect("corpus spec compiles");
        let specs = spec.display().to_string();
        for kind in ["valid", "invalid"] {
            for d in common::yaml_files(&call.join(kind)) {
                let form = dir.join(format!("{}-{kind}-{}.docx", compiled.id, d.file_stem().unwrap().to_string_lossy()));
                let out = callspec(&["fill", "--specs", &specs, &d.display().to_string(), "-o", &form.display().to_string()]);
                assert!(out.status.success(), "fill {}: {}", d.display(), String::from_utf8_lossy(&out.stderr));
                let xml = document_xml(&form);
                let draft = value_of(&d);
                let cat = draft["category"].as_str().and_then(|p| compiled.category(p));
                for f in compiled.fields.iter().filter(|f| {
                    f.categories.is_empty() || cat.is_some_and(|c| f.categories.iter().any(|s| callspec::model::Call::within(&c.path, s)))
                }) {
                    let (section, list) = f.place.section();
                    let pointer = if list { format!("/{section}/*/{}", f.id) } else { format!("/{section}/{}", f.id) };
                    // A list place has a column only where the form has the list's table.
                    if list && !xml.contains(&format!(" /{section}\"")) {
                        continue;
                    }
                    // A control of its own kind, not the appendix's JSON of values without a place.
                    let own = tags(&xml).any(|(kind, p)| p == pointer && !kind.starts_with("json"));
                    assert!(own, "{}: no control for {pointer}", form.display());
                    placed.insert(format!("{}:{pointer}", compiled.id));
                }
                let (a, b) = (findings_with(&d, &specs), findings_with(&form, &specs));
                assert_eq!(a, b, "{} and its form", d.display());
                let json = callspec(&["export", &form.display().to_string(), "--format", "json"]);
                assert_eq!(serde_json::from_str::<Value>(&stdout(&json)).unwrap(), draft, "export of {}", d.display());
                checked += 1;
            }
        }
    }
    assert!(checked >= 30 && placed.len() >= 10, "{checked} drafts, fields placed: {placed:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The (kind, pointer) of every callspec tag in a document part.
fn tags(xml: &str) -> impl Iterator<Item = (&str, &str)> {
    xml.split("callspec/1 ").skip(1).filter_map(|rest| {
        let tag = &rest[..rest.find('"')?];
        tag.split_once(' ')
    })
}

/// The main document part of a Word file.
fn document_xml(path: &Path) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    z.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// [`findings`] with a spec file of the user's.
fn findings_with(path: &Path, specs: &str) -> Vec<(String, String, String)> {
    let out = callspec(&["validate", "--specs", specs, "--format", "json", "--lang", "en", &path.display().to_string()]);
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    let mut keys: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (f["code"].as_str().unwrap().to_owned(), f["severity"].as_str().unwrap().to_owned(), f["message"].as_str().unwrap().to_owned())
        })
        .collect();
    keys.sort();
    keys
}
