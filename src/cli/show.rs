//! `callspec show`: a call as an applicant's guide, in Markdown or as one HTML page.

use callspec::{batch, guide};

use super::Exit;
use super::args::{GuideFormat, ShowArgs};

pub fn run(args: &ShowArgs) -> Exit {
    let loaded = super::specs::load(&args.specs);
    let Some(call) = loaded.calls.iter().find(|c| c.id == args.id) else {
        let mut ids: Vec<String> = loaded.calls.iter().map(|c| c.id.clone()).collect();
        ids.sort();
        // Why the folder gave nothing (missing, unreadable), then what it does hold.
        let mut findings: Vec<_> = loaded.errors.into_iter().filter(|f| f.is_unusable_input()).collect();
        findings.push(batch::unavailable(&args.id, ids.iter(), &loaded.failed));
        return super::specs::report(&findings);
    };
    let text = match args.format {
        GuideFormat::Md => guide::markdown(call),
        GuideFormat::Html => guide::html(call),
    };
    super::out_text(&text);
    Exit::Clean
}
