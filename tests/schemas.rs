//! The committed schemas under schemas/ must equal what the code generates. A stale file is
//! rewritten and the test fails: review the diff and commit it.

mod common;

#[test]
fn committed_schemas_are_current() {
    let dir = common::root().join("schemas");
    let mut stale = Vec::new();
    for (name, schema) in callspec::schema::all() {
        let path = dir.join(format!("{name}.schema.json"));
        let fresh = callspec::schema::to_pretty(&schema);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            if std::env::var_os("CI").is_none() {
                std::fs::write(&path, &fresh).unwrap();
            }
            stale.push(path);
        }
    }
    assert!(stale.is_empty(), "stale schemas (regenerated outside CI; review and commit): {stale:?}");
    // What runs check against (the committed files, built into the binary) is what the types say.
    let used = [
        callspec::schema::spec_schema(),
        callspec::schema::application_schema(),
        callspec::schema::plan_schema(),
        callspec::schema::amendment_schema(),
    ];
    for ((name, generated), used) in callspec::schema::all().iter().zip(used) {
        assert_eq!(generated, used, "{name}: the schema built into the binary is not the generated one");
    }
}

#[test]
fn bundled_specs_point_editors_at_the_schema() {
    for path in callspec::walk::expand(&[common::root().join("specs")]).files {
        let text = std::fs::read_to_string(&path).unwrap();
        let modeline = if text.contains("\nplan: 1") { "../schemas/plan.schema.json" } else { "../schemas/callspec.schema.json" };
        assert!(text.starts_with(&format!("# yaml-language-server: $schema={modeline}")), "{} lacks the $schema modeline", path.display());
    }
}

fn calls() -> Vec<callspec::model::Call> {
    let bundle = callspec::load::bundle(&[common::root().join("specs")], &callspec::source::Limits::default());
    assert!(bundle.failed.is_empty(), "specs that do not compile: {:?}", bundle.failed);
    bundle.calls.into_iter().map(|(_, c)| c).collect()
}

/// schemas/calls/<id>.schema.json, one per bundled call, kept current like the generic ones.
#[test]
fn committed_call_schemas_are_current() {
    let dir = common::root().join("schemas").join("calls");
    let mut stale = Vec::new();
    let mut names = Vec::new();
    for call in calls() {
        let name = format!("{}.schema.json", call.id);
        let path = dir.join(&name);
        let fresh = callspec::schema::to_pretty(&callspec::schema::for_call(&call));
        if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            if std::env::var_os("CI").is_none() {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &fresh).unwrap();
            }
            stale.push(path);
        }
        names.push(name);
    }
    assert!(stale.is_empty(), "stale call schemas (regenerated outside CI; review and commit): {stale:?}");
    let mut orphans: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !names.contains(n))
        .collect();
    orphans.sort();
    assert!(orphans.is_empty(), "schemas/calls/ holds schemas of no bundled call (delete them): {orphans:?}");
}

fn validator(call: &callspec::model::Call) -> jsonschema::Validator {
    jsonschema::draft202012::options().should_validate_formats(true).build(&callspec::schema::for_call(call)).expect("call schema compiles")
}

/// A YAML draft as the JSON instance the tool validates (non-integer numbers stay text).
fn instance(name: &str, text: &str) -> serde_json::Value {
    let file = callspec::source::SourceFile::new(name, text.to_owned());
    callspec::document::parse(file, &callspec::source::Limits::default()).expect("draft parses").value
}

fn errors(v: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    v.iter_errors(value).map(|e| format!("{}: {e}", e.instance_path().as_str())).collect()
}

/// What `callspec validate` accepts, the call's schema accepts: every valid example passes it.
#[test]
fn valid_examples_pass_their_call_schema() {
    let mut seen = 0;
    for call in calls() {
        let v = validator(&call);
        for path in common::yaml_files(&common::root().join("examples").join(&call.id).join("valid")) {
            let text = std::fs::read_to_string(&path).unwrap();
            let errs = errors(&v, &instance(&path.display().to_string(), &text));
            assert!(errs.is_empty(), "{} fails the schema of {}: {errs:#?}", path.display(), call.id);
            seen += 1;
        }
    }
    assert!(seen >= 30, "only {seen} examples checked");
}

/// The schema of one call, on edits of a valid example: each edit must fail it, at the place named.
#[test]
fn call_schemas_reject_what_the_call_forbids() {
    let calls = calls();
    let call = |id: &str| calls.iter().find(|c| c.id == id).unwrap();
    let check = |id: &str, example: &str, edits: &[(&str, &str)], at: &str| {
        let path = common::root().join("examples").join(id).join("valid").join(example);
        let mut text = std::fs::read_to_string(&path).unwrap();
        for (from, to) in edits {
            assert!(text.contains(from), "{example} has no `{from}`");
            text = text.replacen(from, to, 1);
        }
        let errs = errors(&validator(call(id)), &instance(example, &text));
        assert!(errs.iter().any(|e| e.starts_with(&format!("{at}:"))), "{example} {edits:?}: expected an error at {at}, got {errs:#?}");
    };
    let hz = "key-academic-society.yaml";
    // A category the call does not have, and the wrong call.
    check("hangzhou-2025", hz, &[("category: key/academic-society", "category: key/academic-societies")], "/category");
    check("hangzhou-2025", hz, &[("call: hangzhou-2025", "call: hangzhou-2024")], "/call");
    // A KPI the category requires is missing, or below its minimum.
    check("hangzhou-2025", hz, &[("  academic-events: 3\n", "")], "/kpis");
    check("hangzhou-2025", hz, &[("  academic-events: 3\n", "  academic-events: 2\n")], "/kpis/academic-events");
    // A fixed amount (4.8 万元) requested otherwise; a lead type that may not lead.
    check("hangzhou-2025", hz, &[("requested: 4.8", "requested: 5")], "/budget/requested");
    check("hangzhou-2025", hz, &[("type: municipal-society", "type: haizhi")], "/lead/type");
    // Alternatives: neither of the tasks taken up.
    check("cast-2021", "teams-specialist.yaml", &[("  adopted-reports: 2\n", ""), ("  tech-transactions: 3\n", "")], "/kpis");
    // A required letter, a deliverable, an attestation, team size.
    check("cast-2021", "teams-regional.yaml", &[("id: provincial-cast,", "id: provincial-cas,")], "/letters");
    check("ningxia-2025", "platform-park-cast.yaml", &[("{ id: case-study,", "{ id: case-studies,")], "/deliverables");
    // An event counted as the large event (不少于200人) with fewer people.
    check(
        "ningxia-2025",
        "platform-park-cast.yaml",
        &[
            ("  matchmaking-events: 4\n", "  large-matchmaking-event: 1\n"),
            ("kpi: matchmaking-events, date: \"2025-07-18\"", "kpi: large-matchmaking-event, date: \"2025-07-18\""),
        ],
        "/events/0/attendance",
    );
    check("cast-2021", "teams-industry.yaml", &[("  finance-rules: true\n", "  finance-rulez: true\n")], "/commitments");
    check("cast-2021", "teams-industry.yaml", &[("credit_code: 51100000500008519A\n", "\n")], "/lead");
}

/// Where a draft takes one alternative of a choice, the other may be absent.
#[test]
fn one_alternative_suffices() {
    let calls = calls();
    let cast = calls.iter().find(|c| c.id == "cast-2021").unwrap();
    let path = common::root().join("examples/cast-2021/valid/teams-specialist.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replacen("  adopted-reports: 2\n", "", 1);
    let errs = errors(&validator(cast), &instance("teams-specialist.yaml", &text));
    assert!(errs.is_empty(), "{errs:#?}");
}

/// The notices of tests/corpus/ declare their own form fields and conditional letters: each
/// valid draft there passes its call's schema too, declared keys included.
#[test]
fn corpus_valid_drafts_pass_their_call_schema() {
    let root = common::root().join("tests/corpus");
    let mut seen = 0;
    let mut declared = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("spec.yaml").is_file() {
            continue;
        }
        let bundle = callspec::load::bundle(&[dir.join("spec.yaml")], &callspec::source::Limits::default());
        assert!(bundle.failed.is_empty(), "{}: {:?}", dir.display(), bundle.failed);
        for (_, call) in bundle.calls {
            let v = validator(&call);
            declared += call.fields.len();
            for path in common::yaml_files(&dir.join("valid")) {
                let text = std::fs::read_to_string(&path).unwrap();
                let errs = errors(&v, &instance(&path.display().to_string(), &text));
                assert!(errs.is_empty(), "{} fails the schema of {}: {errs:#?}", path.display(), call.id);
                seen += 1;
            }
        }
    }
    assert!(seen >= 10 && declared >= 5, "only {seen} drafts and {declared} declared fields checked");
}

/// A declared field is a property of its place alone, typed, with its choices; a value the
/// validator rejects, the schema rejects.
#[test]
fn declared_fields_are_in_the_call_schema() {
    let path = common::root().join("src/validate/testdata/spec.yaml");
    let bundle = callspec::load::bundle(&[path], &callspec::source::Limits::default());
    assert!(bundle.failed.is_empty(), "{:?}", bundle.failed);
    let (_, call) = bundle.calls.into_iter().next().expect("the test bed compiles");
    let schema = callspec::schema::for_call(&call);
    let leader = schema.pointer("/properties/leader/$ref").and_then(|r| r.as_str());
    assert_eq!(leader, Some("#/$defs/Person.leader"));
    let birth = schema.pointer("/$defs/Person.leader/properties/birth_date").expect("declared on the leader");
    assert_eq!(birth["type"], "string");
    assert!(birth["description"].as_str().unwrap().starts_with("date of birth"), "{birth}");
    // The contact is a Person too, and has no birth date.
    assert_eq!(schema.pointer("/properties/contact/$ref").and_then(|r| r.as_str()), Some("#/$defs/Person"));
    assert!(schema.pointer("/$defs/Person/properties/birth_date").is_none());
    let v = validator(&call);
    let draft = |leader: serde_json::Value| serde_json::json!({ "leader": leader });
    let on_leader = |value: &serde_json::Value| errors(&v, value).into_iter().filter(|e| e.starts_with("/leader")).collect::<Vec<_>>();
    assert!(on_leader(&draft(serde_json::json!({ "name": "张三", "birth_date": "1990-06-01" }))).is_empty());
    assert!(!on_leader(&draft(serde_json::json!({ "name": "张三", "birth_date": "1990-6-1" }))).is_empty());
    assert!(!on_leader(&draft(serde_json::json!({ "name": "张三", "birth_dat": "1990-06-01" }))).is_empty());
}
