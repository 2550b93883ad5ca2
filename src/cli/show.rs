//! `callspec show`: a call as an applicant's guide, in Markdown or as one HTML page.

use callspec::guide;

use super::Exit;
use super::args::{GuideFormat, ShowArgs};

pub fn run(args: &ShowArgs) -> Exit {
    let loaded = super::specs::load(&args.specs);
    let call = match super::specs::call(&loaded, &args.id) {
        Ok(call) => call,
        Err(exit) => return exit,
    };
    let text = match args.format {
        GuideFormat::Md => guide::markdown(call),
        GuideFormat::Html => guide::html(call),
    };
    super::out_text(&text);
    Exit::Clean
}
