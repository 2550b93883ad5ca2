//! `callspec show`: a call as an applicant's guide, in Markdown or as one HTML page.

use callspec::guide;

use super::Exit;
use super::args::{GuideFormat, ShowArgs};

pub fn run(args: &ShowArgs) -> Exit {
    let loaded = super::specs::load_for(args.specs.as_deref(), Some(&std::collections::BTreeSet::from([args.id.clone()])));
    // A work plan's page: in Chinese, as the plan is, unless `--lang en` asks for English.
    if let Some(plan) = loaded.plans.get(&args.id).filter(|_| !loaded.calls.iter().any(|c| c.id == args.id)) {
        if args.category.is_some() {
            let id = &args.id;
            eprintln!(
                "{}",
                super::say(callspec::tr!("error: `{id}` is a work plan, which has no categories", "错误：`{id}` 是工作要点，没有类别"))
            );
            return Exit::Unusable;
        }
        let lang = super::asked_lang().unwrap_or(callspec::i18n::Lang::Zh);
        super::out_text(&match args.format {
            GuideFormat::Md => guide::plan::markdown(plan, lang),
            GuideFormat::Html => guide::plan::html(plan, lang),
        });
        return Exit::Clean;
    }
    let call = match super::specs::call(&loaded, &args.id) {
        Ok(call) => call,
        Err(exit) => return exit,
    };
    let only = match &args.category {
        None => None,
        Some(named) => match call.find_category(named) {
            Some(c) => Some(c),
            None => {
                let names: Vec<String> =
                    call.categories.iter().flat_map(|c| [c.path.clone(), c.names.last().cloned().unwrap_or_default()]).collect();
                let near = callspec::schema::suggest(named, names.iter().map(String::as_str));
                let hint = near.map(|n| callspec::tr!("; did you mean `{n}`?", "；是否应为 `{n}`？")).unwrap_or_default();
                let (id, hint, hint_zh) = (&call.id, &hint.en, &hint.zh);
                eprintln!(
                    "{}",
                    super::say(callspec::tr!(
                        "error: {id} has no category `{named}`{hint} (`callspec list --call {id}` lists them)",
                        "错误：{id} 没有类别 `{named}`{hint_zh}（`callspec list --call {id}` 会列出其类别）"
                    ))
                );
                return Exit::Unusable;
            }
        },
    };
    let text = match args.format {
        GuideFormat::Md => guide::markdown_view(call, guide::View { only, page: false }),
        GuideFormat::Html => guide::html_view(call, guide::View { only, page: true }),
    };
    super::out_text(&text);
    Exit::Clean
}
