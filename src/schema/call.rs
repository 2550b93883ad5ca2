//! The application schema of one call (`callspec schema --call ID`, committed as
//! `schemas/calls/<id>.schema.json`): the generic application schema narrowed by what the
//! compiled call says.
//!
//! A draft whose `$schema` modeline points here gets, in an editor, the call's category paths
//! and applicant types as completions, each KPI's target, the funding rule and the exclusions on
//! hover, and an inline error for a missing KPI, a target out of bounds or an amount over a cap.
//! The schema says less than `callspec validate`: sums, dates, deadlines, check digits and the
//! counting of partners are left to the rules, and a soft cap (原则上) is only described. What
//! it does say, the rules say too, so every draft that passes validation passes this schema
//! (`tests/schemas.rs` checks it on every valid example).
//!
//! Money may be written as a number or as text (`values::Money`); the numeric keywords on
//! `budget.requested` constrain numbers only.

use serde_json::{Map, Value, json};

use crate::diagnostics::Citation;
use crate::model::{Amount, Call, Category, Kpi};
use crate::spec::IdentifierKind;

/// The application schema of a compiled call.
pub fn for_call(call: &Call) -> Value {
    let mut schema = super::application_schema().clone();
    let root = schema.as_object_mut().expect("the application schema is an object");
    root.insert("$id".into(), json!(format!("https://callspec.invalid/schemas/calls/{}.schema.json", call.id)));
    root.insert("title".into(), json!(format!("callspec application: {}", call.id)));
    root.insert(
        "description".into(),
        json!(format!(
            "{}（{}）. An application draft for this call: the generic application format with the call's categories, applicant types, KPIs and amounts.",
            call.title, call.reference()
        )),
    );
    if let Some(props) = root.get_mut("properties").and_then(Value::as_object_mut) {
        props.insert(
            "call".into(),
            json!({ "description": format!("{} ({})", call.reference(), call.title), "type": "string", "const": call.id }),
        );
        props.insert("category".into(), category_choice(call));
        if let Some(att) = props.get_mut("attestations").and_then(Value::as_object_mut) {
            att.insert("properties".into(), Value::Object(attestation_docs(call)));
        }
        if let Some((commitments, _)) = crate::kinds::commitment::schema(call, cited) {
            props.insert("commitments".into(), commitments);
        }
    }
    if let Some(defs) = root.get_mut("$defs").and_then(Value::as_object_mut) {
        let types = applicant_types(call);
        for def in ["Organisation", "OtherOrganisation"] {
            if let Some(t) = defs.get_mut(def).and_then(|d| d.pointer_mut("/properties/type")).and_then(Value::as_object_mut) {
                t.extend(types.clone());
            }
        }
    }
    let mut all_of = Vec::new();
    all_of.extend(identifier(call));
    all_of.extend(text_limits(call));
    all_of.extend(attestations(call));
    all_of.extend(crate::kinds::commitment::schema(call, cited).and_then(|(_, required)| required));
    all_of.extend(call.categories.iter().filter(|c| c.leaf).map(|c| category_rules(call, c)));
    root.insert("allOf".into(), Value::Array(all_of));
    schema
}

/// `category`: one of the leaf paths (each with its name on hover), or a list of them.
fn category_choice(call: &Call) -> Value {
    let paths: Vec<&str> = call.leaf_paths().collect();
    let mut any: Vec<Value> =
        call.categories.iter().filter(|c| c.leaf).map(|c| json!({ "const": c.path, "description": category_summary(call, c) })).collect();
    any.push(json!({ "type": "array", "items": { "type": "string", "enum": paths } }));
    json!({
        "description": format!("项目类别: the category path applied for, one of {}. One form applies for one project.", paths.join(", ")),
        "type": ["string", "array"],
        "anyOf": any,
    })
}

/// 重点支持项目 / 学术强会行动 (key/academic-society): 4.8 万元/项; 不超过 36 项.
fn category_summary(call: &Call, c: &Category) -> String {
    let mut s = format!("{} ({})", c.full_name(), c.path);
    if let Some(code) = &c.code {
        s.push_str(&format!(", 项目编号 {code}"));
    }
    s.push_str(&format!(": {}", crate::guide::amount(c, call.money_unit)));
    if let Some(q) = &c.quota {
        s.push_str(&format!("; {}", crate::guide::quota(&q.value)));
    }
    s
}

/// `enum` of the call's applicant type ids, with their names in the description.
fn applicant_types(call: &Call) -> Map<String, Value> {
    let ids: Vec<&str> = call.applicant_types.keys().map(String::as_str).collect();
    let names: Vec<String> = call.applicant_types.values().map(|t| format!("{} ({})", t.id, t.name)).collect();
    let mut m = Map::new();
    m.insert("enum".into(), json!(ids));
    m.insert("description".into(), json!(format!("Applicant type id of this call: {}.", names.join(", "))));
    m
}

/// The organisation identifier the form asks of the lead applicant.
fn identifier(call: &Call) -> Option<Value> {
    let rule = call.form.identifier.as_ref()?;
    let lead = match rule.value {
        IdentifierKind::Uscc => json!({ "required": ["credit_code"] }),
        IdentifierKind::OrgCode => json!({ "required": ["org_code"] }),
        IdentifierKind::Either => json!({ "anyOf": [{ "required": ["credit_code"] }, { "required": ["org_code"] }] }),
    };
    let what = match rule.value {
        IdentifierKind::Uscc => "`credit_code` (统一社会信用代码)",
        IdentifierKind::OrgCode => "`org_code` (组织机构代码)",
        IdentifierKind::Either => "`credit_code` (统一社会信用代码) or `org_code` (法人代码)",
    };
    Some(json!({
        "description": format!("The lead applicant gives {what}. {}", cited(&rule.cite)),
        "properties": { "lead": lead },
    }))
}

/// The form's length limits on text fields, in characters (字).
fn text_limits(call: &Call) -> Vec<Value> {
    call.form
        .text_limits
        .iter()
        .map(|l| {
            let mut leaf = Map::new();
            leaf.insert("description".into(), json!(format!("{} characters. {}", chars(l.min_chars, l.max_chars), cited(&l.cite))));
            if let Some(n) = l.min_chars {
                leaf.insert("minLength".into(), json!(n));
            }
            if let Some(n) = l.max_chars {
                leaf.insert("maxLength".into(), json!(n));
            }
            // `project.summary` → { properties: { project: { properties: { summary: leaf } } } }
            l.field.rsplit('.').fold(Value::Object(leaf), |inner, key| json!({ "properties": { key: inner } }))
        })
        .collect()
}

fn chars(min: Option<u32>, max: Option<u32>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(b)) => format!("at most {b}"),
        (None, None) => "any number of".to_owned(),
    }
}

/// Hover texts of the attestation keys: what each exclusion says.
fn attestation_docs(call: &Call) -> Map<String, Value> {
    call.exclusions
        .iter()
        .map(|e| {
            let who =
                if e.applies_to.is_empty() { String::new() } else { format!(" Only for a lead of type {}.", e.applies_to.join(", ")) };
            let soft = if e.soft { " (原则上: a warning when it applies)" } else { "" };
            let doc = format!(
                "排除情形{soft}: {}. Attest `not-applicable` when it does not apply to the applicant.{who} {}",
                e.text,
                cited(&e.cite)
            );
            (e.id.clone(), json!({ "description": doc }))
        })
        .collect()
}

/// Every exclusion that applies to the lead's type needs an attestation.
fn attestations(call: &Call) -> Vec<Value> {
    let mut out = Vec::new();
    let always: Vec<&str> = call.exclusions.iter().filter(|e| e.applies_to.is_empty()).map(|e| e.id.as_str()).collect();
    if !always.is_empty() {
        out.push(json!({
            "required": ["attestations"],
            "properties": { "attestations": { "required": always } },
        }));
    }
    for e in call.exclusions.iter().filter(|e| !e.applies_to.is_empty()) {
        out.push(json!({
            "if": {
                "required": ["lead"],
                "properties": { "lead": { "required": ["type"], "properties": { "type": { "enum": e.applies_to } } } },
            },
            "then": {
                "required": ["attestations"],
                "properties": { "attestations": { "required": [e.id] } },
            },
        }));
    }
    out
}

/// `if category is PATH then …`: what the category asks of a draft.
fn category_rules(call: &Call, c: &Category) -> Value {
    let mut props = Map::new();
    let mut required: Vec<&str> = Vec::new();

    props.insert("budget".into(), json!({ "properties": { "requested": requested(call, c) } }));

    if let Some(leads) = &c.leads {
        props.insert(
            "lead".into(),
            json!({ "properties": { "type": {
                "description": format!("May lead {}: {}. {}", c.full_name(), crate::guide::type_names(call, &leads.value), cited(&leads.cite)),
                "enum": leads.value,
            } } }),
        );
    }
    if let Some(joint) = &c.joint {
        let doc = if !joint.allowed {
            format!("{} accepts no joint applicants. {}", c.full_name(), cited(&joint.cite))
        } else {
            format!(
                "联合申报单位 of types {}{}. {}",
                crate::guide::type_names(call, &joint.types),
                if joint.open { " 等" } else { "" },
                cited(&joint.cite)
            )
        };
        let mut j = Map::new();
        j.insert("description".into(), json!(doc));
        if !joint.allowed {
            j.insert("maxItems".into(), json!(0));
        } else if !joint.open && !joint.types.is_empty() {
            j.insert("items".into(), json!({ "properties": { "type": { "enum": joint.types } } }));
        }
        props.insert("joint".into(), Value::Object(j));
    }
    if !c.partners.is_empty() {
        let parts: Vec<String> = c
            .partners
            .iter()
            .map(|p| {
                let among = if p.role == crate::model::Role::CoApplicant {
                    "among the lead and joint applicants"
                } else {
                    "among the applicants and partners"
                };
                format!("at least {} {} ({}) {among}", p.min, p.name, crate::guide::type_names(call, &p.types))
            })
            .collect();
        props.insert("partners".into(), json!({ "description": format!("{}: {}.", c.full_name(), parts.join("; ")) }));
    }

    let (targets, any) = kpis(&c.kpis);
    if any {
        required.push("kpis");
    }
    props.insert("kpis".into(), targets);

    if !c.letters.is_empty() {
        required.push("letters");
        let all: Vec<Value> = c
            .letters
            .iter()
            .map(|l| {
                json!({
                    "description": format!("{} from {} (`id: {}`). {}", l.name, l.issuer, l.id, cited(&l.cite)),
                    "contains": { "required": ["id"], "properties": { "id": { "const": l.id } } },
                })
            })
            .collect();
        props.insert("letters".into(), json!({ "allOf": all }));
    }
    if !c.deliverables.is_empty() {
        required.push("deliverables");
        let all: Vec<Value> = c
            .deliverables
            .iter()
            .map(|d| {
                let mut length = match (d.min_chars, d.max_chars) {
                    (None, None) => String::new(),
                    (a, b) => format!(", {} characters", chars(a, b)),
                };
                if let Some(n) = d.nominal_chars {
                    length.push_str(&format!(", about {n} characters (nominal)"));
                }
                json!({
                    "description": format!("{} × {} (`id: {}`{length}). {}", d.count, d.name, d.id, cited(&d.cite)),
                    "contains": { "required": ["id"], "properties": { "id": { "const": d.id } } },
                    "minContains": d.count,
                })
            })
            .collect();
        props.insert("deliverables".into(), json!({ "allOf": all }));
    }
    if let Some(team) = &c.team {
        let mut t = Map::new();
        let mut doc = Vec::new();
        if let Some(n) = team.min_members {
            required.push("team");
            t.insert("minItems".into(), json!(n));
            doc.push(format!("at least {n} members"));
        }
        if !team.leader_titles.is_empty() {
            doc.push(format!("led by a {} (`leader: true`)", team.leader_titles.join(" or ")));
        }
        t.insert("description".into(), json!(format!("项目团队: {}. {}", doc.join("; "), cited(&team.cite))));
        props.insert("team".into(), Value::Object(t));
    }
    let events = event_rules(&c.kpis);
    if !events.is_empty() {
        props.insert("events".into(), json!({ "items": { "allOf": events } }));
    }

    let mut then = Map::new();
    then.insert("description".into(), json!(category_summary(call, c)));
    if !required.is_empty() {
        then.insert("required".into(), json!(required));
    }
    then.insert("properties".into(), Value::Object(props));
    json!({
        "if": { "required": ["category"], "properties": { "category": { "const": c.path } } },
        "then": then,
    })
}

/// `budget.requested` under the category's amount: exact for a fixed amount, a maximum for a
/// cap, only a description for a soft cap or an unstated amount.
fn requested(call: &Call, c: &Category) -> Value {
    let unit = call.money_unit;
    let words = crate::guide::amount(c, unit);
    let mut m = Map::new();
    let doc = match &c.amount {
        _ if c.paid_after => {
            m.insert("maximum".into(), json!(0));
            format!("申请经费: {words}; {}. {}", c.amount.requirement(unit, true).en, c.amount.cite().map(cited).unwrap_or_default())
        }
        Amount::Fixed(v, cite) => {
            m.insert("minimum".into(), money(v));
            m.insert("maximum".into(), money(v));
            format!("申请经费: {words}; request exactly {v} {unit}. {}", cited(cite))
        }
        Amount::Cap { max, soft: false, cite } => {
            m.insert("maximum".into(), money(max));
            format!("申请经费: {words}; at most {max} {unit}. {}", cited(cite))
        }
        Amount::Cap { max, soft: true, cite } => {
            format!("申请经费: {words}; in principle at most {max} {unit} (a soft cap: more is a warning, not an error). {}", cited(cite))
        }
        Amount::Range { min, max, soft, cite } => {
            m.insert("minimum".into(), money(min));
            if !soft {
                m.insert("maximum".into(), money(max));
            }
            format!("申请经费: {words}; {}. {}", c.amount.requirement(unit, false).en, cited(cite))
        }
        Amount::Grades(grades, cite) => {
            if let Some(top) = grades.iter().map(|g| g.value).max() {
                m.insert("maximum".into(), money(&top));
            }
            format!("申请经费: {words}; {}. {}", c.amount.requirement(unit, false).en, cited(cite))
        }
        Amount::Unstated(cite) => {
            let source = cite.as_ref().map(|c| format!(" {}", cited(c))).unwrap_or_default();
            format!("申请经费: the notice states no amount for this category (未列明).{source}")
        }
    };
    m.insert("description".into(), json!(doc));
    Value::Object(m)
}

/// An exact decimal as a JSON number (`19.8`, `60`).
fn money(v: &crate::values::Money) -> Value {
    serde_json::from_str(&v.to_string()).unwrap_or(Value::Null)
}

/// The `kpis` mapping of a category: every KPI described, plain KPIs required with their
/// bounds, choices as `anyOf` of their alternatives. Whether any key is required.
fn kpis(list: &[Kpi]) -> (Value, bool) {
    let mut props = Map::new();
    let mut required: Vec<&str> = Vec::new();
    let mut choices = Vec::new();
    for k in list {
        if k.options.is_empty() {
            required.push(&k.id);
            props.insert(k.id.clone(), bounded(k));
        } else {
            describe_options(k, &mut props);
            choices.push(met(k));
        }
    }
    let mut m = Map::new();
    if !required.is_empty() {
        m.insert("required".into(), json!(required));
    }
    m.insert("properties".into(), Value::Object(props));
    if !choices.is_empty() {
        m.insert("allOf".into(), Value::Array(choices));
    }
    let any = !list.is_empty();
    (Value::Object(m), any)
}

/// A plain KPI's value: its bounds and its requirement in words.
fn bounded(k: &Kpi) -> Value {
    let mut m = Map::new();
    m.insert("description".into(), json!(kpi_doc(k)));
    if let Some(n) = k.min {
        m.insert("minimum".into(), json!(n));
    }
    if let Some(n) = k.max {
        m.insert("maximum".into(), json!(n));
    }
    Value::Object(m)
}

fn kpi_doc(k: &Kpi) -> String {
    format!("{}：{} ({}). {}", k.name, crate::guide::requirement(k), k.requirement(), cited(&k.cite))
}

/// Hover texts for the alternatives of a choice (which are not required one by one).
fn describe_options(k: &Kpi, props: &mut Map<String, Value>) {
    for o in &k.options {
        if o.options.is_empty() {
            let doc = format!("An alternative of `{}` ({}): {}", k.id, k.name, kpi_doc(o));
            props.insert(o.id.clone(), json!({ "description": doc }));
        } else {
            describe_options(o, props);
        }
    }
}

/// The schema of a KPI being met, as `kpi.choice-unmet` judges it: a plain one is given and
/// within its bounds (one without bounds is positive); a choice has `at_least` alternatives met.
fn met(k: &Kpi) -> Value {
    if k.options.is_empty() {
        let mut b = Map::new();
        b.insert("minimum".into(), json!(k.min.unwrap_or(1)));
        if let Some(n) = k.max {
            b.insert("maximum".into(), json!(n));
        }
        return json!({ "required": [k.id], "properties": { k.id.clone(): b } });
    }
    let subs: Vec<Value> = k.options.iter().map(met).collect();
    let ids: Vec<String> = k.options.iter().map(|o| format!("`{}` {}（{}）", o.id, o.name, crate::guide::requirement(o))).collect();
    let doc = format!("{}: at least {} of: {}. {}", k.name, k.at_least, ids.join("; "), cited(&k.cite));
    let n = k.at_least as usize;
    let body = if n == 0 {
        json!({})
    } else if n == 1 {
        json!({ "anyOf": subs })
    } else if n >= subs.len() {
        json!({ "allOf": subs })
    } else {
        json!({ "anyOf": combinations(&subs, n).into_iter().map(|c| json!({ "allOf": c })).collect::<Vec<_>>() })
    };
    let mut m = body.as_object().cloned().unwrap_or_default();
    m.insert("description".into(), json!(doc));
    Value::Object(m)
}

/// Every choice of `n` items, in order.
fn combinations(items: &[Value], n: usize) -> Vec<Vec<Value>> {
    if n == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for (i, first) in items.iter().enumerate() {
        for mut rest in combinations(&items[i + 1..], n - 1) {
            rest.insert(0, first.clone());
            out.push(rest);
        }
    }
    out
}

/// Events counted towards a KPI with a per-event attendance need that many people.
fn event_rules(list: &[Kpi]) -> Vec<Value> {
    let mut out = Vec::new();
    for k in list {
        if let Some(n) = k.per_event_min_attendance {
            out.push(json!({
                "if": { "required": ["kpi"], "properties": { "kpi": { "const": k.id } } },
                "then": { "properties": { "attendance": {
                    "description": format!("Each event counted as {} needs at least {n} people. {}", k.name, cited(&k.cite)),
                    "minimum": n,
                } } },
            }));
        }
        out.extend(event_rules(&k.options));
    }
    out
}

/// `依据 一、（二）1：“…”`: the clause a statement comes from.
fn cited(c: &Citation) -> String {
    format!("依据 {} {}：“{}”", c.document, c.section, c.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combinations_choose_in_order() {
        let items: Vec<Value> = (1..=4).map(|i| json!(i)).collect();
        let c = combinations(&items, 2);
        assert_eq!(c.len(), 6);
        assert_eq!(c[0], vec![json!(1), json!(2)]);
        assert_eq!(c[5], vec![json!(3), json!(4)]);
    }

    #[test]
    fn money_is_a_json_number() {
        assert_eq!(money(&"4.8".parse().unwrap()), json!(4.8));
        assert_eq!(money(&"60".parse().unwrap()), json!(60));
    }
}
