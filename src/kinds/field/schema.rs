//! The field kind's part of a call's application schema: each declared field as a property of
//! its place, so that an editor completes the key, shows its label and the notice's words on
//! hover, and flags a value the validator would reject.
//!
//! The application format's definitions forbid unknown keys and are shared between places
//! (`Person` is the leader's and the contact's), so a place with declared fields gets its own
//! copy of its definition (`Person.leader`) holding them; the other places keep the original.
//!
//! The schema says no more than the validator does: a type, the choices, and the bounds and
//! requirement that are errors for every draft (not soft ones, not those scoped by a category
//! or a condition, which are only described).

use serde_json::{Map, Value, json};

use super::{Field, FieldType, Limits};
use crate::i18n::Lang;
use crate::model::Call;

/// Puts the call's declared fields into `schema` (the call's copy of the application schema).
pub fn extend(call: &Call, schema: &mut Value, lang: Lang, cited: impl Fn(&crate::diagnostics::Citation) -> String) {
    let mut places: Vec<super::Place> = call.fields.iter().map(|f| f.place).collect();
    places.dedup();
    places.sort_by_key(|p| p.section().0);
    places.dedup();
    for place in places {
        let (section, list) = place.section();
        let def_name = format!("{}.{section}", place.def());
        let Some(mut def) = schema.pointer(&format!("/$defs/{}", place.def())).cloned() else { continue };
        let fields: Vec<&Field> = call.fields.iter().filter(|f| f.place == place).collect();
        if let Some(props) = def.get_mut("properties").and_then(Value::as_object_mut) {
            for f in &fields {
                props.insert(f.id.clone(), property(f, lang, &cited));
            }
        }
        let always: Vec<&str> =
            fields.iter().filter(|f| f.required && f.when.is_none() && f.categories.is_empty()).map(|f| f.id.as_str()).collect();
        if !always.is_empty()
            && let Some(obj) = def.as_object_mut()
        {
            let required = obj.entry("required").or_insert_with(|| json!([]));
            if let Some(list) = required.as_array_mut() {
                list.extend(always.iter().map(|id| json!(id)));
            }
        }
        if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
            defs.insert(def_name.clone(), def);
        }
        let reference = json!(format!("#/$defs/{def_name}"));
        let at = if list { format!("/properties/{section}/items") } else { format!("/properties/{section}") };
        if let Some(slot) = schema.pointer_mut(&at).and_then(Value::as_object_mut) {
            slot.insert("$ref".into(), reference);
        }
    }
}

/// One declared field as a schema property.
fn property(f: &Field, lang: Lang, cited: &impl Fn(&crate::diagnostics::Citation) -> String) -> Value {
    let mut p = Map::new();
    let words = f.words();
    p.insert("description".into(), json!(format!("{}: {}. {}", f.label.get(lang), words.get(lang), cited(&f.cite))));
    match f.kind {
        FieldType::Text | FieldType::Date => {
            p.insert("type".into(), json!("string"));
        }
        FieldType::Integer => {
            p.insert("type".into(), json!("integer"));
        }
        // Money is a number or a text (`values::Money`).
        FieldType::Money => {
            p.insert("type".into(), json!(["number", "string"]));
        }
        FieldType::YesNo => {
            p.insert("type".into(), json!("boolean"));
        }
        FieldType::Choice => {
            p.insert("enum".into(), json!(f.choices));
        }
        FieldType::Choices => {
            p.insert("type".into(), json!("array"));
            p.insert("items".into(), json!({ "enum": f.choices }));
        }
    }
    if f.kind == FieldType::Date {
        p.insert("pattern".into(), json!(r"^\d{4}-\d{2}-\d{2}$"));
    }
    match &f.limits {
        Limits::Integer(b) if !b.soft => {
            if let Some(n) = b.min {
                p.insert("minimum".into(), json!(n));
            }
            if let Some(n) = b.max {
                p.insert("maximum".into(), json!(n));
            }
        }
        Limits::Items(b) if !b.soft => {
            if let Some(n) = b.min {
                p.insert("minItems".into(), json!(n));
            }
            if let Some(n) = b.max {
                p.insert("maxItems".into(), json!(n));
            }
        }
        _ => {}
    }
    Value::Object(p)
}
