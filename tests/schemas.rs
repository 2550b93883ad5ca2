//! The committed schemas under schemas/ must equal what the code generates. A stale file is
//! rewritten and the test fails: review the diff and commit it.

mod common;

#[test]
fn committed_schemas_are_current() {
    let dir = common::root().join("schemas");
    let mut stale = Vec::new();
    for (name, schema) in callspec::schema::all() {
        let path = dir.join(format!("{name}.schema.json"));
        let fresh = callspec::schema::to_pretty(schema);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            if std::env::var_os("CI").is_none() {
                std::fs::write(&path, &fresh).unwrap();
            }
            stale.push(path);
        }
    }
    assert!(stale.is_empty(), "stale schemas (regenerated outside CI; review and commit): {stale:?}");
}

#[test]
fn bundled_specs_point_editors_at_the_schema() {
    for path in callspec::load::expand(&[common::root().join("specs")]) {
        let text = std::fs::read_to_string(&path).unwrap();
        let modeline = if text.contains("\nplan: 1") { "../schemas/plan.schema.json" } else { "../schemas/callspec.schema.json" };
        assert!(text.starts_with(&format!("# yaml-language-server: $schema={modeline}")), "{} lacks the $schema modeline", path.display());
    }
}
