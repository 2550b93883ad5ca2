//! `callspec calendar`: every deadline and completion date of the calls, by date.

use callspec::guide::calendar;

use super::Exit;
use super::args::CalendarArgs;

pub fn run(args: &CalendarArgs) -> Exit {
    let loaded = super::specs::load(args.specs.as_deref());
    let entries = calendar::entries(&loaded.calls);
    super::out_text(&if args.ics { calendar::ics(&entries) } else { calendar::text(&entries, super::lang()) });
    super::specs::report_broken(&loaded)
}
