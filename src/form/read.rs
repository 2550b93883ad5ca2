//! Reading a Word file: the package under limits, then the content controls of its main
//! document, in document order, each with the text it holds and where it sits (the section
//! heading before it, the table row it is in).
//!
//! Robust to what Word, WPS and LibreOffice do to a file: runs split anywhere, `xml:space`,
//! tabs and line breaks, paragraphs inside a control, tracked deletions (ignored), fields
//! (their codes ignored), alternative content (the fallback ignored), controls nested in
//! others, placeholder text shown (dropped: by `w:showingPlcHdr`, by the placeholder style on
//! every run, or by being the placeholder's own text), rows copied by hand (rows are rows,
//! whether or not they sit in a repeating section).

use std::collections::HashMap;
use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use super::tag::{Parsed, Tag, TagKind};

/// Limits on a package, from the input limits.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Most members a package may list.
    pub members: usize,
    /// Most bytes decompressed in all, over every part read.
    pub bytes: u64,
    /// Deepest XML nesting.
    pub depth: usize,
    /// Most content controls.
    pub controls: usize,
}

/// Why a package cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Unreadable {
    /// Not a zip archive, or a damaged one.
    Damaged(String),
    /// A zip archive without `word/document.xml`.
    NotWord,
    /// Over a limit: what, and the limit.
    Limit(String),
}

/// The parts of a package callspec reads.
#[derive(Debug)]
pub struct Package {
    pub document: String,
    pub glossary: Option<String>,
}

/// Whether bytes are a Word document: a zip archive (local file header) listing
/// `word/document.xml`. Cheap: the central directory only.
pub fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|z| z.index_for_name("word/document.xml").is_some())
}

pub fn open(bytes: &[u8], budget: &Budget) -> Result<Package, Unreadable> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| Unreadable::Damaged(e.to_string()))?;
    if z.len() > budget.members {
        return Err(Unreadable::Limit(format!("{} members (limit {})", z.len(), budget.members)));
    }
    let mut left = budget.bytes;
    let mut part = |z: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str| -> Result<Option<String>, Unreadable> {
        let Some(i) = z.index_for_name(name) else { return Ok(None) };
        let f = z.by_index(i).map_err(|e| Unreadable::Damaged(e.to_string()))?;
        let mut out = Vec::new();
        // Read at most one byte over what is left: a zip bomb stops there, whatever its
        // headers claim.
        f.take(left + 1).read_to_end(&mut out).map_err(|e| Unreadable::Damaged(format!("{name}: {e}")))?;
        if out.len() as u64 > left {
            return Err(Unreadable::Limit(format!("more than {} bytes uncompressed", budget.bytes)));
        }
        left -= out.len() as u64;
        let text = String::from_utf8(out).map_err(|_| Unreadable::Damaged(format!("{name} is not UTF-8")))?;
        Ok(Some(text))
    };
    let document = part(&mut z, "word/document.xml")?.ok_or(Unreadable::NotWord)?;
    let glossary = part(&mut z, "word/glossary/document.xml")?;
    Ok(Package { document, glossary })
}

/// One content control with a callspec tag.
#[derive(Debug, Clone)]
pub struct Control {
    pub tag: Tag,
    pub alias: Option<String>,
    /// The text it holds, runs joined, placeholder text removed.
    pub text: String,
    pub checked: Option<bool>,
    /// A list or combo box's items: (label, value).
    pub items: Vec<(String, String)>,
    /// The placeholder's glossary entry.
    pub placeholder: Option<String>,
    /// The last level-1 and level-2 headings before it.
    pub section: Option<String>,
    pub heading: Option<String>,
    /// The table and row it sits in: (table number, row number in the document).
    pub row: Option<(usize, usize)>,
}

/// Everything found in a document.
#[derive(Debug, Default)]
pub struct Scan {
    pub controls: Vec<Control>,
    /// Repeating sections with a callspec list tag.
    pub lists: Vec<Tag>,
    /// The highest version of a callspec tag newer than this build, if any.
    pub newer: Option<u32>,
    /// callspec tags this build cannot read.
    pub broken: Vec<String>,
}

#[derive(Default)]
struct Open {
    tag: Option<Tag>,
    alias: Option<String>,
    in_pr: bool,
    showing: bool,
    checked: Option<bool>,
    items: Vec<(String, String)>,
    placeholder: Option<String>,
    text: String,
    /// Text in runs without the placeholder style.
    real: bool,
    paragraphs: usize,
}

fn local(e: &BytesStart) -> String {
    e.local_name().as_ref().to_owned()
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The content controls of a main document (or the parts of a glossary).
pub fn scan(xml: &str, budget: &Budget) -> Result<Scan, Unreadable> {
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().check_end_names = false;
    let mut out = Scan::default();
    let mut stack: Vec<String> = Vec::new();
    let mut sdts: Vec<Open> = Vec::new();
    // Element depths at which each open sdt started.
    let mut sdt_depth: Vec<usize> = Vec::new();
    let mut skip_until: Option<usize> = None;
    let mut in_text = false;
    let mut run_placeholder = false;
    let mut para_style: Option<u8> = None;
    let mut para_text = String::new();
    let mut section: Option<String> = None;
    let mut heading: Option<String> = None;
    let mut tables = 0usize;
    let mut rows = 0usize;
    let mut row_stack: Vec<(usize, usize)> = Vec::new();
    let mut table_stack: Vec<usize> = Vec::new();
    loop {
        let ev = r.read_event().map_err(|e| Unreadable::Damaged(format!("word/document.xml: {e}")))?;
        match ev {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = local(e);
                if !empty {
                    stack.push(name.clone());
                    if stack.len() > budget.depth {
                        return Err(Unreadable::Limit(format!("XML nested deeper than {} levels", budget.depth)));
                    }
                }
                if skip_until.is_some() {
                    continue;
                }
                match name.as_str() {
                    "Fallback" | "delText" | "instrText" | "del" | "moveFrom" if !empty => skip_until = Some(stack.len()),
                    "sdt" if !empty => {
                        sdts.push(Open::default());
                        sdt_depth.push(stack.len());
                    }
                    "sdtPr" if !empty => {
                        if let Some(o) = sdts.last_mut() {
                            o.in_pr = true;
                        }
                    }
                    "tbl" if !empty => {
                        tables += 1;
                        table_stack.push(tables);
                    }
                    "tr" if !empty => {
                        rows += 1;
                        row_stack.push((table_stack.last().copied().unwrap_or(0), rows));
                    }
                    "p" if !empty => {
                        para_style = None;
                        para_text.clear();
                    }
                    "pStyle" => {
                        let v = attr(e, "val").unwrap_or_default().to_ascii_lowercase().replace([' ', '-', '_'], "");
                        if v == "heading1" || v == "1" || v == "标题1" {
                            para_style = Some(1);
                        } else if v == "heading2" || v == "2" || v == "标题2" {
                            para_style = Some(2);
                        }
                    }
                    "outlineLvl" if para_style.is_none() => match attr(e, "val").as_deref() {
                        Some("0") => para_style = Some(1),
                        Some("1") => para_style = Some(2),
                        _ => {}
                    },
                    "r" if !empty => run_placeholder = false,
                    "rStyle" => {
                        let v = attr(e, "val").unwrap_or_default().to_ascii_lowercase().replace(' ', "");
                        run_placeholder = v == "placeholdertext" || v.contains("placeholder");
                    }
                    "t" if !empty => in_text = true,
                    "tab" | "br" | "cr" | "noBreakHyphen" if !sdts.last().is_some_and(|o| o.in_pr) => {
                        let c = match name.as_str() {
                            "tab" => '\t',
                            "noBreakHyphen" => '-',
                            _ => '\n',
                        };
                        // A `w:tab` in paragraph properties is a tab stop, not text.
                        if !stack.iter().any(|n| n == "pPr" || n == "rPr") {
                            push_text(&mut sdts, &mut para_text, &c.to_string(), run_placeholder);
                        }
                    }
                    _ => {}
                }
                if let Some(o) = sdts.last_mut()
                    && o.in_pr
                {
                    match name.as_str() {
                        "tag" => {
                            let v = attr(e, "val").unwrap_or_default();
                            match Tag::parse(&v) {
                                Parsed::Tag(t) => o.tag = Some(t),
                                Parsed::Newer(n) => out.newer = Some(out.newer.map_or(n, |m| m.max(n))),
                                Parsed::Broken => out.broken.push(v),
                                Parsed::Foreign => {}
                            }
                        }
                        "alias" => o.alias = attr(e, "val"),
                        "showingPlcHdr" => o.showing = attr(e, "val").is_none_or(|v| v != "0" && v != "false"),
                        "checked" => o.checked = Some(attr(e, "val").is_none_or(|v| v == "1" || v == "true")),
                        "listItem" => {
                            let label = attr(e, "displayText");
                            let value = attr(e, "value");
                            if let Some(v) = value.clone().or(label.clone()) {
                                o.items.push((label.unwrap_or_else(|| v.clone()), v));
                            }
                        }
                        "docPart" => o.placeholder = attr(e, "val"),
                        _ => {}
                    }
                }
            }
            Event::End(ref e) => {
                let name = e.local_name().as_ref().to_owned();
                let depth = stack.len();
                stack.pop();
                if let Some(d) = skip_until {
                    if depth == d {
                        skip_until = None;
                    }
                    continue;
                }
                match name.as_str() {
                    "t" => in_text = false,
                    "sdtPr" => {
                        if let Some(o) = sdts.last_mut() {
                            o.in_pr = false;
                        }
                    }
                    "p" => {
                        if let Some(level) = para_style {
                            let text = para_text.trim().to_owned();
                            if !text.is_empty() && sdts.iter().all(|o| o.tag.is_none()) {
                                if level == 1 {
                                    section = Some(text);
                                    heading = None;
                                } else {
                                    heading = Some(text);
                                }
                            }
                        }
                        if let Some(o) = sdts.last_mut() {
                            o.paragraphs += 1;
                            o.text.push('\n');
                        }
                    }
                    "tr" => {
                        row_stack.pop();
                    }
                    "tbl" => {
                        table_stack.pop();
                    }
                    "sdt" if sdt_depth.last() == Some(&depth) => {
                        sdt_depth.pop();
                        let Some(o) = sdts.pop() else { continue };
                        // The text also belongs to an enclosing control (a control nested in another).
                        if let Some(parent) = sdts.last_mut() {
                            parent.text.push_str(&o.text);
                            parent.real |= o.real;
                        }
                        // Without a tag (LibreOffice 7.4 drops it), the placeholder's name holds it.
                        let tag =
                            o.tag.or_else(|| match o.placeholder.as_deref().and_then(|p| p.find(super::tag::PREFIX).map(|i| &p[i..])) {
                                Some(t) => match Tag::parse(t) {
                                    Parsed::Tag(t) => Some(t),
                                    _ => None,
                                },
                                None => None,
                            });
                        let Some(tag) = tag else { continue };
                        if tag.kind == TagKind::List {
                            out.lists.push(tag);
                            continue;
                        }
                        if out.controls.len() >= budget.controls {
                            return Err(Unreadable::Limit(format!("more than {} content controls", budget.controls)));
                        }
                        let mut text = o.text.trim_end_matches('\n').to_owned();
                        let showing = o.showing || (!o.real && !text.trim().is_empty());
                        if showing {
                            text.clear();
                        }
                        out.controls.push(Control {
                            tag,
                            alias: o.alias,
                            text,
                            checked: o.checked,
                            items: o.items,
                            placeholder: o.placeholder,
                            section: section.clone(),
                            heading: heading.clone(),
                            row: row_stack.last().copied(),
                        });
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text && skip_until.is_none() => {
                let s = t.xml10_content();
                push_text(&mut sdts, &mut para_text, &s, run_placeholder);
            }
            Event::CData(ref t) if in_text && skip_until.is_none() => {
                let s = t.xml10_content().into_owned();
                push_text(&mut sdts, &mut para_text, &s, run_placeholder);
            }
            Event::GeneralRef(ref g) if in_text && skip_until.is_none() => {
                let c = match g.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &**g {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    push_text(&mut sdts, &mut para_text, &c.to_string(), run_placeholder);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

fn push_text(sdts: &mut [Open], para: &mut String, s: &str, placeholder: bool) {
    para.push_str(s);
    if let Some(o) = sdts.last_mut()
        && !o.in_pr
    {
        o.text.push_str(s);
        if !placeholder && !s.trim().is_empty() {
            o.real = true;
        }
    }
}

/// The glossary's placeholder texts, by entry name.
pub fn glossary(xml: &str, budget: &Budget) -> HashMap<String, String> {
    let mut r = quick_xml::Reader::from_str(xml);
    r.config_mut().check_end_names = false;
    let mut out = HashMap::new();
    let mut name: Option<String> = None;
    let mut in_name = false;
    let mut in_body = false;
    let mut in_text = false;
    let mut text = String::new();
    let mut depth = 0usize;
    while let Ok(ev) = r.read_event() {
        match ev {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                if matches!(ev, Event::Start(_)) {
                    depth += 1;
                    if depth > budget.depth {
                        break;
                    }
                }
                match e.local_name().as_ref() {
                    "docPartPr" => in_name = true,
                    "name" if in_name && name.is_none() => name = attr(e, "val"),
                    "docPartBody" => {
                        in_body = true;
                        text.clear();
                    }
                    "t" if in_body => in_text = true,
                    _ => {}
                }
            }
            Event::End(ref e) => {
                depth = depth.saturating_sub(1);
                match e.local_name().as_ref() {
                    "docPartPr" => in_name = false,
                    "t" => in_text = false,
                    "docPartBody" => {
                        in_body = false;
                        if let Some(n) = name.take() {
                            out.insert(n, text.trim().to_owned());
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text => text.push_str(&t.xml10_content()),
            _ => {}
        }
        if out.len() > budget.controls {
            break;
        }
    }
    out
}
