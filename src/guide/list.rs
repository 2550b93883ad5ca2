//! Calls and their categories as one aligned text table.

use crate::i18n::Lang;
use crate::model::Call;

/// One row per category (parents before children): call, category path, full name, amount,
/// quota; the headings in `lang` (the names, amounts and quotas are Chinese, as in the notices).
pub fn text<'a>(calls: impl IntoIterator<Item = &'a Call>, lang: Lang) -> String {
    let mut rows = Vec::new();
    for call in calls {
        for c in &call.categories {
            rows.push(vec![
                call.id.clone(),
                c.path.clone(),
                c.full_name(),
                super::amount(c, call.money_unit),
                c.quota.as_ref().map_or_else(|| "-".to_owned(), |q| super::quota(&q.value)),
            ]);
        }
    }
    let headings = match lang {
        Lang::En => ["call", "category", "name", "amount", "quota"],
        Lang::Zh => ["通知", "类别路径", "名称", "资助额度", "立项数"],
    };
    super::table::render(&headings, &rows)
}

/// The same as JSON: `{"calls": [{"id", "title", "document", "categories": [{"path", "name",
/// "leaf", "amount", "quota"}]}]}`, amounts and quotas in the words of the table.
pub fn json<'a>(calls: impl IntoIterator<Item = &'a Call>) -> serde_json::Value {
    let calls: Vec<serde_json::Value> = calls
        .into_iter()
        .map(|call| {
            let categories: Vec<serde_json::Value> = call
                .categories
                .iter()
                .map(|c| {
                    serde_json::json!({
                        "path": c.path,
                        "name": c.full_name(),
                        "leaf": c.leaf,
                        "amount": super::amount(c, call.money_unit),
                        "quota": c.quota.as_ref().map(|q| super::quota(&q.value)),
                    })
                })
                .collect();
            serde_json::json!({ "id": call.id, "title": call.title, "document": call.document, "categories": categories })
        })
        .collect();
    serde_json::json!({ "calls": calls })
}
