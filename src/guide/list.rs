//! Calls and their categories as one aligned text table.

use crate::model::Call;

/// One row per category (parents before children): call, category path, full name, amount, quota.
pub fn text<'a>(calls: impl IntoIterator<Item = &'a Call>) -> String {
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
    super::table::render(&["call", "category", "name", "amount", "quota"], &rows)
}
