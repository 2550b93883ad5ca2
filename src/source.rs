//! Reading input files: size limit, encoding gate and the text every span points into.
//!
//! **Invariant:** the only place that reads input bytes; nothing here ever writes.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::diagnostics::{Finding, Span};

/// Resource limits applied to every input file. The defaults suit hand-written specs and
/// application drafts; `--max-file-size` and friends on the CLI adjust them.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of mappings and sequences.
    pub max_depth: usize,
    /// Most YAML nodes in one document, aliases expanded.
    pub max_nodes: usize,
    /// Most alias uses (`*name`) in one document.
    pub max_aliases: usize,
}

/// The largest `max_file_bytes` accepted (256 MiB): a file that size already needs a few
/// times its size in memory to parse.
pub const MAX_FILE_BYTES_CEILING: u64 = 256 * 1024 * 1024;
/// The largest `max_depth` accepted: the threads that parse have stacks sized for it
/// ([`crate::batch::STACK_BYTES`], with room to spare in a debug build).
pub const MAX_DEPTH_CEILING: usize = 1_000;
/// The largest `max_nodes` accepted: about 300 bytes of memory each while a file is parsed.
pub const MAX_NODES_CEILING: usize = 1_000_000;

impl Default for Limits {
    fn default() -> Self {
        Self { max_file_bytes: 8 * 1024 * 1024, max_depth: 64, max_nodes: 50_000, max_aliases: 1_000 }
    }
}

/// A control character other than tab and line breaks, or a bidirectional control (which
/// can reorder how text is shown: U+202E, U+2066, ...): it never belongs in a form. Keys and
/// text values holding one are refused (`input.control-character`).
pub fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || is_bidi(c)
}

/// A bidirectional formatting character (embeddings, overrides, isolates, marks).
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// An invisible formatting character: zero-width space and joiners, word joiner, byte-order
/// mark, soft hyphen, ... They are allowed in text but shown escaped, so nothing is hidden.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// A character that never reaches a terminal or a report as itself: [`is_control`],
/// [`is_invisible`], and a carriage return (which would let a line overwrite itself).
pub fn is_unsafe(c: char) -> bool {
    match c as u32 {
        // ASCII, and the ranges of Chinese text, first: nothing there but C0 and DEL.
        0..=0x7E => c < ' ' && c != '\t' && c != '\n',
        0x2070..=0xFEFE => false,
        _ => is_control(c) || is_invisible(c),
    }
}

/// The first [`is_control`] character of `s`.
pub fn control_char(s: &str) -> Option<char> {
    // Control characters are U+0000–U+001F, U+007F and U+0080–U+009F; the last are encoded
    // as 0xC2 0x80–0x9F. Bidirectional controls are 0xD8 0x9C and 0xE2 0x80/0x81 followed by
    // a few bytes. A branch-free byte scan (vectorised) rules out almost every string before
    // the character scan runs; 0xE2 (also the lead byte of “”—…, frequent in Chinese text) is
    // followed up only where it occurs.
    let b = s.as_bytes();
    let suspect = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2;
    if !b.iter().fold(false, |found, &x| found | suspect(x)) && (b.len() < 2 || s.is_ascii() || !has_bidi_bytes(b)) {
        return None;
    }
    s.chars().find(|&c| is_control(c))
}

/// Whether the UTF-8 bytes hold the encoding of a bidirectional control.
fn has_bidi_bytes(b: &[u8]) -> bool {
    memchr::memchr2_iter(0xE2, 0xD8, b).any(|i| match (b[i], b.get(i + 1), b.get(i + 2)) {
        (0xD8, Some(0x9C), _) => true,
        (0xE2, Some(0x80), Some(x)) => matches!(x, 0x8E | 0x8F | 0xAA..=0xAE),
        (0xE2, Some(0x81), Some(x)) => matches!(x, 0xA6..=0xA9),
        _ => false,
    })
}

/// The first [`is_unsafe`] character of `s`, if any.
pub fn unsafe_char(s: &str) -> Option<char> {
    if s.is_ascii() {
        return s.bytes().find(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n')) || b == 0x7F).map(char::from);
    }
    // As in [`control_char`]: the lead bytes of unsafe characters outside Chinese text's own
    // (C2, D8, E1, F3) ruled out by a vectorised scan, E2 (“”) and EF (，（）) followed up
    // where they occur; the character scan runs only on a string that may hold one.
    let b = s.as_bytes();
    let rare = |x: u8| (x < 0x20 && !matches!(x, b'\t' | b'\n')) || matches!(x, 0x7F | 0xC2 | 0xD8 | 0xE1 | 0xF3);
    if !b.iter().fold(false, |found, &x| found | rare(x)) && !has_unsafe_e2_ef(b) {
        return None;
    }
    s.chars().find(|&c| is_unsafe(c))
}

/// Whether the UTF-8 bytes may hold an unsafe character led by 0xE2 (U+200B–U+200F,
/// U+202A–U+202E, U+2060–U+206F) or 0xEF (U+FEFF, U+FFF9–U+FFFB).
fn has_unsafe_e2_ef(b: &[u8]) -> bool {
    memchr::memchr2_iter(0xE2, 0xEF, b).any(|i| match (b[i], b.get(i + 1), b.get(i + 2)) {
        (0xE2, Some(0x80), Some(x)) => matches!(x, 0x8B..=0x8F | 0xAA..=0xAE),
        (0xE2, Some(0x81), Some(x)) => matches!(x, 0xA0..=0xAF),
        (0xEF, Some(0xBB), Some(0xBF)) => true,
        (0xEF, Some(0xBF), Some(x)) => matches!(x, 0xB9..=0xBB),
        _ => false,
    })
}

/// `s` fit for a terminal or a report: every [`is_unsafe`] character written as its escape
/// (`\u{1b}`, `\u{202e}`), whatever the text's source (a file name, a value, an argument).
/// The one escaping function of the crate: renderers and the CLI pass every text through it.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if unsafe_char(s).is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Bytes between the character-count checkpoints of a [`SourceFile`].
const CHUNK: usize = 4096;

/// One input file as text, with its display name. Spans are byte offsets into `text`.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Where each line starts (after `\n`), built on first use: rendering thousands of
    /// findings in a large file must not rescan it for each label.
    lines: OnceLock<Vec<usize>>,
    /// Where each line starts as miette counts lines (after `\r\n`, `\r` or `\n`).
    miette_lines: OnceLock<Vec<usize>>,
    /// Whether the text holds a control character (other than tab and line breaks).
    control: OnceLock<bool>,
    /// How many characters precede every [`CHUNK`]-th byte, built on first use: the column
    /// of a label on a long line is then counted from the nearest checkpoint, not from the
    /// start of its line (many labels on one 8 MB line stay linear).
    chars: OnceLock<Vec<usize>>,
    /// The encoding the text was decoded from, when it was not UTF-8.
    pub encoding: Option<Encoding>,
    /// Where the text starts in the file it was cut from (0-based line, and column of its
    /// first line): `(0, 0)` but for an [`SourceFile::excerpt`].
    pub origin: (usize, usize),
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            name: name.into(),
            text: text.into(),
            lines: OnceLock::new(),
            miette_lines: OnceLock::new(),
            control: OnceLock::new(),
            chars: OnceLock::new(),
            encoding: None,
            origin: (0, 0),
        })
    }

    /// A piece of a file's text shown in place of the file (a long line cut around a label):
    /// snippets name the lines and columns of the file it comes from.
    pub fn excerpt(name: impl Into<String>, text: impl Into<String>, origin: (usize, usize)) -> Arc<Self> {
        let mut file = Self::new(name, text);
        Arc::get_mut(&mut file).expect("just made").origin = origin;
        file
    }

    /// The byte offset where the line holding `offset` starts (lines end at `\n`).
    pub fn line_start(&self, offset: usize) -> usize {
        let lines = self.lines();
        lines[self.line_index(offset)]
    }

    fn lines(&self) -> &[usize] {
        self.lines.get_or_init(|| std::iter::once(0).chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1)).collect())
    }

    /// 0-based index of the line holding `offset`.
    fn line_index(&self, offset: usize) -> usize {
        self.lines().partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// Line starts as miette counts lines: after `\r\n`, a lone `\r` or `\n`.
    pub(crate) fn miette_lines(&self) -> &[usize] {
        self.miette_lines.get_or_init(|| {
            let b = self.text.as_bytes();
            let mut out = vec![0];
            let mut i = 0;
            while i < b.len() {
                match b[i] {
                    b'\r' if b.get(i + 1) == Some(&b'\n') => {
                        out.push(i + 2);
                        i += 2;
                        continue;
                    }
                    b'\r' | b'\n' => out.push(i + 1),
                    _ => {}
                }
                i += 1;
            }
            out
        })
    }

    /// Whether the text holds a character a terminal must not see as itself
    /// ([`is_control`] or [`is_invisible`]; line breaks are the snippet's own).
    pub fn has_control(&self) -> bool {
        *self.control.get_or_init(|| {
            // A carriage return is fine only where it ends a line (CRLF).
            let t = &self.text;
            let lone_cr = || t.match_indices('\r').any(|(i, _)| t.as_bytes().get(i + 1) != Some(&b'\n'));
            if t.is_ascii() {
                t.bytes().any(|b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F) || lone_cr()
            } else {
                t.chars().any(|c| c != '\r' && is_unsafe(c)) || lone_cr()
            }
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let index = self.line_index(offset);
        let line_start = self.lines()[index];
        let col = if offset - line_start <= CHUNK {
            // A short way into its line: counted directly, no checkpoints needed.
            self.text.as_bytes()[line_start..offset].iter().filter(|&&b| (b & 0xC0) != 0x80).count()
        } else {
            self.chars_before(offset) - self.chars_before(line_start)
        };
        (index + 1, col + 1)
    }

    /// The byte offset where the line holding `offset` ends (before its `\n`, or the end).
    pub fn line_end(&self, offset: usize) -> usize {
        let lines = self.lines();
        lines.get(self.line_index(offset.min(self.text.len())) + 1).map_or(self.text.len(), |next| next - 1)
    }

    /// How many characters the text holds before byte `offset` (counted as the bytes that do
    /// not continue a character, from the nearest checkpoint: at most [`CHUNK`] bytes).
    pub fn chars_before(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let offset = offset.min(bytes.len());
        let count = |b: &[u8]| b.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        let marks = self.chars.get_or_init(|| {
            let mut total = 0;
            std::iter::once(0)
                .chain(bytes.chunks(CHUNK).map(|c| {
                    total += count(c);
                    total
                }))
                .collect()
        });
        let k = offset / CHUNK;
        marks[k] + count(&bytes[k * CHUNK..offset])
    }

    /// The text under a span, if the span is valid for this file.
    pub fn slice(&self, span: Span) -> Option<&str> {
        self.text.get(span.offset..span.offset + span.len)
    }
}

/// What a file is, told by its first bytes: text (a YAML or JSON draft, in whatever
/// encoding), or one of the binary formats drafts arrive in by mistake. Reading routes on it
/// before any text decoding, so a Word file gets a message about Word files and not about
/// encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Anything that is not one of the formats below: decoded as text.
    Text,
    /// A Word document (.docx): a zip archive holding `word/…` entries.
    Docx,
    /// An Excel spreadsheet (.xlsx): a zip archive holding `xl/…` entries.
    Xlsx,
    /// A PDF document (`%PDF-`).
    Pdf,
    /// Any other zip archive (including other Office Open XML and OpenDocument files).
    Zip,
    /// An OLE2 compound file: Word 97–2003 (.doc), Excel (.xls), WPS and other old Office files.
    Ole2,
}

/// How many leading bytes [`sniff`] needs at most; a zip's first entries lie well within them.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Tells a file's kind from its leading bytes (at most [`SNIFF_BYTES`] are looked at): the zip
/// local-file header, `%PDF-` or the OLE2 signature; a zip's entry names tell a Word document
/// from a spreadsheet.
pub fn sniff(bytes: &[u8]) -> FileKind {
    let bytes = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if bytes.starts_with(b"%PDF-") {
        return FileKind::Pdf;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return FileKind::Ole2;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_kind(bytes);
    }
    FileKind::Text
}

/// Docx, Xlsx or Zip, by the names of the archive's entries: its local headers from the start,
/// and any central-directory headers within the bytes given.
fn zip_kind(bytes: &[u8]) -> FileKind {
    let u16_at = |i: usize| bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u32_at = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let of_name = |name: &[u8]| {
        if name.starts_with(b"word/") {
            Some(FileKind::Docx)
        } else if name.starts_with(b"xl/") {
            Some(FileKind::Xlsx)
        } else {
            None
        }
    };
    // Local file headers, one after another while their sizes are known.
    let mut at = 0;
    while bytes.get(at..at + 4) == Some(b"PK\x03\x04") {
        let (Some(flags), Some(size), Some(name_len), Some(extra_len)) =
            (u16_at(at + 6), u32_at(at + 18), u16_at(at + 26), u16_at(at + 28))
        else {
            break;
        };
        let Some(name) = bytes.get(at + 30..at + 30 + name_len) else { break };
        if let Some(kind) = of_name(name) {
            return kind;
        }
        if flags & 0x08 != 0 && size == 0 {
            break; // the size follows the data: the next header cannot be found from here
        }
        at += 30 + name_len + extra_len + size;
    }
    // Central-directory headers, when the archive is small enough to hold them here.
    let mut from = 0;
    while let Some(i) = bytes[from..].windows(4).position(|w| w == b"PK\x01\x02") {
        let h = from + i;
        if let Some(name) = u16_at(h + 28).and_then(|n| bytes.get(h + 46..h + 46 + n))
            && let Some(kind) = of_name(name)
        {
            return kind;
        }
        from = h + 4;
    }
    FileKind::Zip
}

/// The encoding a file was decoded from, when it was not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// GBK/GB18030, as saved by Chinese-locale Windows editors.
    Gb18030,
    /// UTF-16 little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian, with a byte-order mark.
    Utf16Be,
}

impl Encoding {
    /// `text` in this encoding, as it would be saved (UTF-16 with its byte-order mark), so that
    /// a file rewritten on request keeps the encoding it was saved in.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Gb18030 => encoding_rs::GB18030.encode(text).0.into_owned(),
            Encoding::Utf16Le => [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect(),
            Encoding::Utf16Be => [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect(),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Encoding::Gb18030 => "GBK/GB18030",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
        }
    }
}

/// Reads a file as text under the size limit: UTF-8 (a byte-order mark is dropped), or
/// GBK/GB18030 or UTF-16 with a byte-order mark, decoded (the file says which, for
/// [`note`]). Word, PDF, spreadsheet and zip files are told apart first ([`sniff`]).
pub fn read(path: &Path, limits: &Limits) -> Result<Arc<SourceFile>, Finding> {
    match read_with(path, limits, false)? {
        Read::Text(file) => Ok(file),
        // Not returned when zips are not asked for; refused as not text either way.
        Read::Zip { name, bytes } => Err(refuse(&name, &bytes)),
    }
}

/// What a file holds, read once: a zip package (`PK\x03\x04`: a Word form, for the reader
/// that takes forms), as its bytes, or text.
pub enum Read {
    Zip { name: String, bytes: Vec<u8> },
    Text(Arc<SourceFile>),
}

/// [`read`] for a reader that also takes Word forms: a zip package is handed back as its bytes,
/// under the same size limit, instead of being refused as not text. One open and one read of
/// the file whatever it holds.
pub fn read_or_zip(path: &Path, limits: &Limits) -> Result<Read, Finding> {
    read_with(path, limits, true)
}

/// The finding for a package that is no text and no Word form (a spreadsheet, an archive).
pub fn refuse(name: &str, bytes: &[u8]) -> Finding {
    let kind = match sniff(bytes) {
        FileKind::Text => FileKind::Zip,
        kind => kind,
    };
    not_text(name, kind)
        .unwrap_or_else(|| Finding::error(codes::UNREADABLE, crate::tr!("`{name}` is not a text file", "`{name}` 不是文本文件")))
}

fn read_with(path: &Path, limits: &Limits, zip_ok: bool) -> Result<Read, Finding> {
    use std::io::Read as _;
    let name = display_name(path);
    let meta = std::fs::metadata(path).map_err(|e| io_finding(&name, &e))?;
    if meta.is_dir() {
        return Err(Finding::error(codes::UNREADABLE, crate::tr!("`{name}` is a folder, not a file", "`{name}` 是文件夹，不是文件"))
            .with_help(crate::tr!(
                "name a .yaml file, or pass the folder where a command accepts folders",
                "请指定 .yaml 文件；接受文件夹的命令才能传入文件夹"
            )));
    }
    if !meta.is_file() {
        // A FIFO or a device could block or never end.
        return Err(Finding::error(
            codes::UNREADABLE,
            crate::tr!("`{name}` is not a regular file (a pipe, socket or device)", "`{name}` 不是普通文件（是管道、套接字或设备）"),
        )
        .with_help(crate::tr!("save the content to a .yaml file and name that", "请把内容保存为 .yaml 文件后再指定")));
    }
    let file = std::fs::File::open(path).map_err(|e| io_finding(&name, &e))?;
    // The first bytes tell a Word or PDF file from text, whatever its size.
    let mut bytes = Vec::with_capacity((meta.len().min(limits.max_file_bytes) as usize).saturating_add(1).min(1 << 30));
    let mut file = file;
    (&mut file).take(SNIFF_BYTES as u64).read_to_end(&mut bytes).map_err(|e| io_finding(&name, &e))?;
    let zip = zip_ok && bytes.starts_with(b"PK\x03\x04");
    if !zip && let Some(f) = not_text(&name, sniff(&bytes)) {
        return Err(f);
    }
    if meta.len() > limits.max_file_bytes {
        return Err(too_large(&name, meta.len(), limits.max_file_bytes));
    }
    if zip {
        // A package is read to its limit exactly, as the form reader expects.
        let rest = limits.max_file_bytes.saturating_sub(bytes.len() as u64);
        file.take(rest).read_to_end(&mut bytes).map_err(|e| io_finding(&name, &e))?;
        return Ok(Read::Zip { name, bytes });
    }
    // Read at most one byte over the limit, in case the file grew since it was measured.
    let rest = limits.max_file_bytes.saturating_add(1).saturating_sub(bytes.len() as u64);
    file.take(rest).read_to_end(&mut bytes).map_err(|e| io_finding(&name, &e))?;
    decode(name, bytes, limits).map(Read::Text)
}

/// A path as shown in messages.
pub fn display_name(path: &Path) -> String {
    path.display().to_string()
}

/// Decodes bytes already in memory (from a file or standard input): UTF-8, GBK/GB18030 or
/// UTF-16 with a byte-order mark; anything else is refused with the encoding it looks like.
pub fn decode(name: String, bytes: Vec<u8>, limits: &Limits) -> Result<Arc<SourceFile>, Finding> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(&name, bytes.len() as u64, limits.max_file_bytes));
    }
    if let Some(f) = not_text(&name, sniff(&bytes)) {
        return Err(f);
    }
    let unsupported = |what: crate::i18n::Text| {
        let msg = crate::i18n::Text::new(format!("`{name}` is encoded as {}", what.en), format!("`{name}` 是 {} 编码", what.zh));
        Err(Finding::error(codes::ENCODING, msg).with_help(crate::tr!(
            "save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)",
            "请将文件另存为 UTF-8 编码（多数编辑器：另存为 → 编码 → UTF-8）"
        )))
    };
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return unsupported(crate::tr!("UTF-32", "UTF-32"));
    }
    if let Some(bom) = [(Encoding::Utf16Le, [0xFF, 0xFE]), (Encoding::Utf16Be, [0xFE, 0xFF])].iter().find(|(_, b)| bytes.starts_with(b)) {
        let decoder = if bom.0 == Encoding::Utf16Le { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        return match decoder.decode_without_bom_handling_and_without_replacement(&bytes[2..]) {
            Some(text) => text_file(name, text.into_owned(), Some(bom.0)),
            None => Err(Finding::error(
                codes::ENCODING,
                crate::tr!(
                    "`{name}` starts as UTF-16 text but is damaged (an odd number of bytes or a broken surrogate pair)",
                    "`{name}` 以 UTF-16 编码开头，但已损坏（字节数为奇数或代理对不完整）"
                ),
            )
            .with_help(crate::tr!(
                "restore the file from a good copy, or save it again as UTF-8",
                "请从完好的副本恢复文件，或重新另存为 UTF-8"
            ))),
        };
    }
    match wide_without_bom(&bytes) {
        Some(Wide::Utf32) => return unsupported(crate::tr!("UTF-32 (without a byte-order mark)", "UTF-32（无字节顺序标记）")),
        Some(Wide::Utf16(le)) => {
            let order = if le { "LE" } else { "BE" };
            return unsupported(crate::tr!("UTF-16 {order} without a byte-order mark", "无字节顺序标记的 UTF-16 {order}"));
        }
        None => {}
    }
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    // simdutf8 validates an order of magnitude faster than the standard library on Chinese
    // text; the copy it costs is cheaper still. The standard check stays for the error path.
    let checked = match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(bytes),
    };
    match checked {
        Ok(text) => text_file(name, text, None),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // Mostly valid UTF-8 around a few bad bytes means a damaged UTF-8 file, not GBK
            // (whose double bytes are seldom valid UTF-8).
            let (mut valid, mut invalid) = (0usize, 0usize);
            for chunk in bytes.utf8_chunks() {
                valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
                invalid += usize::from(!chunk.invalid().is_empty());
            }
            let damaged = valid > invalid;
            if !damaged
                && let Some(text) = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&bytes)
                && mostly_chinese(&text)
            {
                return text_file(name, text.into_owned(), Some(Encoding::Gb18030));
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // The bad bytes show as U+FFFD (three bytes) in the text; the label covers it whole.
            let len = text[at..].chars().next().map_or(0, char::len_utf8);
            let file = SourceFile::new(name.clone(), text);
            let (line, col) = file.line_col(at);
            let (what, what_zh) = if !damaged {
                ("it is not GBK/GB18030 or UTF-16 either", "也不是 GBK/GB18030 或 UTF-16 编码")
            } else {
                ("a character is cut off or corrupted", "有字符被截断或损坏")
            };
            Err(Finding::error(
                codes::ENCODING,
                crate::tr!(
                    "`{name}` is not valid UTF-8 at line {line}, column {col}: {what}",
                    "`{name}` 第 {line} 行第 {col} 列不是有效的 UTF-8：{what_zh}"
                ),
            )
            .in_file(file)
            .label(Span::new(at, len), crate::tr!("this byte is not UTF-8", "此字节不是 UTF-8"))
            .with_help(crate::tr!(
                "re-type the text around this place, or restore the file from a good copy",
                "请重新输入此处附近的文字，或从完好的副本恢复文件"
            )))
        }
    }
}

/// Whether text decoded as GB18030 reads as Chinese: most of its non-ASCII characters are
/// Chinese characters, CJK punctuation or full-width forms. Bytes of another encoding
/// (Latin-1, a damaged file) rarely decode that way.
fn mostly_chinese(text: &str) -> bool {
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        let chinese = matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{2010}'..='\u{2027}' | '\u{00B7}' | '\u{00D7}');
        if chinese { cjk += 1 } else { other += 1 }
    }
    cjk > 0 && cjk >= 4 * other
}

/// Decoded text as a file; a NUL byte means it is no text file at all.
fn text_file(name: String, text: String, encoding: Option<Encoding>) -> Result<Arc<SourceFile>, Finding> {
    if let Some(at) = text.as_bytes().contains(&0).then(|| text.find('\0')).flatten() {
        let file = SourceFile::new(name.clone(), text.replace('\0', " "));
        return Err(Finding::error(
            codes::ENCODING,
            crate::tr!("`{name}` contains a NUL byte; it is not a text file", "`{name}` 含有 NUL 字节，不是文本文件"),
        )
        .in_file(file)
        .label(Span::new(at, 1), crate::tr!("NUL byte here", "此处为 NUL 字节"))
        .with_help(crate::tr!(
            "check that this is the YAML draft and not a Word or binary file",
            "请确认这是 YAML 申报书，而不是 Word 或其他二进制文件"
        )));
    }
    let mut file = SourceFile::new(name, text);
    if let Some(e) = encoding {
        Arc::get_mut(&mut file).expect("just made").encoding = Some(e);
    }
    Ok(file)
}

/// UTF-16 or UTF-32 text without a byte-order mark, told by where the zero bytes of its
/// ASCII characters (keys, punctuation, digits) fall.
enum Wide {
    Utf32,
    /// Little-endian when true.
    Utf16(bool),
}

fn wide_without_bom(bytes: &[u8]) -> Option<Wide> {
    let head = &bytes[..bytes.len().min(4096) & !3];
    // ASCII characters of wide text are half (or three quarters) zero bytes.
    if head.len() < 8 || memchr::memchr(0, head).is_none() {
        return None;
    }
    let mut zeros = [0usize; 4];
    for (i, b) in head.iter().enumerate() {
        if *b == 0 {
            zeros[i % 4] += 1;
        }
    }
    let units = head.len() / 4;
    let mostly = |n: usize| n * 2 >= units;
    let rarely = |n: usize| n * 16 <= units;
    if (mostly(zeros[1]) && mostly(zeros[2]) && mostly(zeros[3]) && rarely(zeros[0]))
        || (mostly(zeros[0]) && mostly(zeros[1]) && mostly(zeros[2]) && rarely(zeros[3]))
    {
        return Some(Wide::Utf32);
    }
    let (even, odd) = (zeros[0] + zeros[2], zeros[1] + zeros[3]);
    let pairs = head.len() / 2;
    let mostly = |n: usize| n * 4 >= pairs;
    let rarely = |n: usize| n * 16 <= pairs;
    if mostly(odd) && rarely(even) {
        Some(Wide::Utf16(true))
    } else if mostly(even) && rarely(odd) {
        Some(Wide::Utf16(false))
    } else {
        None
    }
}

/// The `input.not-text` finding for a file of a binary kind; `None` for text.
fn not_text(name: &str, kind: FileKind) -> Option<Finding> {
    use crate::tr;
    let (message, help) = match kind {
        FileKind::Text => return None,
        FileKind::Docx => (
            tr!(
                "`{name}` is a Word document (.docx); callspec reads YAML/JSON drafts",
                "`{name}` 是 Word 文档（.docx）；callspec 读取的是 YAML/JSON 格式的申报书"
            ),
            tr!(
                "write the draft as YAML (`callspec new --call ID --category PATH` starts one), or export it from the portal as JSON",
                "请用 YAML 填写申报书（`callspec new --call ID --category PATH` 可生成模板），或从申报系统导出 JSON"
            ),
        ),
        FileKind::Xlsx => (
            tr!(
                "`{name}` is an Excel spreadsheet (.xlsx); callspec reads YAML/JSON drafts",
                "`{name}` 是 Excel 电子表格（.xlsx）；callspec 读取的是 YAML/JSON 格式的申报书"
            ),
            tr!(
                "copy the values into a YAML draft (`callspec new` starts one)",
                "请把表格中的内容填入 YAML 申报书（`callspec new` 可生成模板）"
            ),
        ),
        FileKind::Pdf => (
            tr!(
                "`{name}` is a PDF document; callspec reads YAML/JSON drafts",
                "`{name}` 是 PDF 文档；callspec 读取的是 YAML/JSON 格式的申报书"
            ),
            tr!("check the YAML or JSON draft the PDF was made from", "请检查生成该 PDF 的 YAML 或 JSON 申报书"),
        ),
        FileKind::Ole2 => (
            tr!(
                "`{name}` is an old-format Office file (Word .doc, Excel .xls or WPS); callspec reads YAML/JSON drafts",
                "`{name}` 是旧版 Office 文件（Word .doc、Excel .xls 或 WPS）；callspec 读取的是 YAML/JSON 格式的申报书"
            ),
            tr!("write the draft as YAML (`callspec new` starts one)", "请用 YAML 填写申报书（`callspec new` 可生成模板）"),
        ),
        FileKind::Zip => (
            tr!(
                "`{name}` is a zip archive; callspec reads YAML/JSON drafts",
                "`{name}` 是 zip 压缩包；callspec 读取的是 YAML/JSON 格式的申报书"
            ),
            tr!("unpack the archive and name the drafts inside it", "请先解压，再指定其中的申报书"),
        ),
    };
    Some(Finding::error(codes::NOT_TEXT, message).with_help(help))
}

/// The note that a file was read in an encoding other than UTF-8 (advice), if it was.
pub fn note(file: &SourceFile) -> Option<Finding> {
    let e = file.encoding?;
    let (name, enc) = (&file.name, e.name());
    Some(
        Finding::advice(
            codes::DECODED,
            crate::tr!("`{name}` is not UTF-8; it was read as {enc}", "`{name}` 不是 UTF-8 编码，已按 {enc} 读取"),
        )
        .with_help(crate::tr!(
            "if any text in the findings looks garbled, the file is in another encoding; saving it as UTF-8 avoids the guess",
            "如诊断中的文字出现乱码，说明文件是其他编码；另存为 UTF-8 可避免猜测"
        )),
    )
}

fn too_large(name: &str, size: u64, max: u64) -> Finding {
    Finding::error(
        codes::TOO_LARGE,
        crate::tr!("`{name}` is {size} bytes, over the limit of {max} bytes", "`{name}` 共 {size} 字节，超过上限 {max} 字节"),
    )
    .with_help(crate::tr!(
        "raise the limit with `--max-file-size BYTES` if the file is genuine",
        "如文件确无问题，可用 `--max-file-size BYTES` 提高上限"
    ))
}

fn io_finding(name: &str, err: &std::io::Error) -> Finding {
    let message = match err.kind() {
        std::io::ErrorKind::NotFound => crate::tr!("`{name}` does not exist", "`{name}` 不存在"),
        std::io::ErrorKind::PermissionDenied => crate::tr!("`{name}` cannot be read (permission denied)", "`{name}` 无法读取（没有权限）"),
        _ => crate::tr!("`{name}` cannot be read: {err}", "`{name}` 无法读取：{err}"),
    };
    Finding::error(codes::UNREADABLE, message)
}

/// Codes of findings about input files as a whole.
pub mod codes {
    use crate::diagnostics::CodeInfo;

    pub const UNREADABLE: &CodeInfo = &CodeInfo {
        code: "input.unreadable",
        summary: "an input path is missing, a folder where a file is needed, or unreadable",
        doc: "The path could not be read as a file: it does not exist, is a folder, or the \
              process lacks permission. Nothing is checked in that file. Exit code 2.",
        summary_zh: "输入路径不存在、在需要文件处给了文件夹，或无法读取",
        doc_zh: "该路径无法作为文件读取：不存在、是文件夹，或本进程没有读取权限。该文件不做任何检查。\
                 退出码 2。",
    };
    pub const ENCODING: &CodeInfo = &CodeInfo {
        code: "input.encoding",
        summary: "the file is not text in an encoding callspec reads",
        doc: "callspec reads UTF-8 (a byte-order mark is allowed), GBK/GB18030 and UTF-16 with a \
              byte-order mark (see `input.decoded`). Anything else is refused: bytes that are \
              neither UTF-8 nor GBK (the finding labels the first), UTF-8 damaged in the middle \
              of a character, UTF-16 without a byte-order mark, UTF-32, a NUL byte. Re-save the \
              file as UTF-8. Exit code 2.",
        summary_zh: "文件不是 callspec 能读取的编码的文本",
        doc_zh: "callspec 读取 UTF-8（允许字节顺序标记）、GBK/GB18030 以及带字节顺序标记的 UTF-16（见 \
                 `input.decoded`）。其他情况一律拒绝：既非 UTF-8 也非 GBK 的字节（问题标出第一个）、\
                 在字符中间损坏的 UTF-8、不带字节顺序标记的 UTF-16、UTF-32、NUL 字节。请将文件另存为 \
                 UTF-8。退出码 2。",
    };
    pub const DECODED: &CodeInfo = &CodeInfo {
        code: "input.decoded",
        summary: "the file is not UTF-8; it was read as GBK/GB18030 or UTF-16",
        doc: "Files saved by Chinese-locale Windows editors are often GBK/GB18030, or UTF-16 with \
              a byte-order mark. callspec decodes them and checks them like UTF-8 files; this \
              advice says which encoding was assumed. GBK is a guess made from the bytes: if text \
              quoted in the findings looks garbled, the file is in another encoding. Saving the \
              file as UTF-8 removes the guess. Offsets in the JSON output are into the decoded text.",
        summary_zh: "文件不是 UTF-8；已按 GBK/GB18030 或 UTF-16 读取",
        doc_zh: "中文环境的 Windows 编辑器保存的文件常为 GBK/GB18030，或带字节顺序标记的 UTF-16。\
                 callspec 会解码这些文件，并像 UTF-8 文件一样检查；本提示说明采用了哪种编码。GBK 是\
                 根据字节作出的推测：如果问题中引用的文字显示为乱码，说明文件是其他编码。将文件另存为 \
                 UTF-8 即可免去推测。JSON 输出中的偏移量以解码后的文本为准。",
    };
    pub const NOT_TEXT: &CodeInfo = &CodeInfo {
        code: "input.not-text",
        summary: "the file is a Word, Excel, PDF, old Office or zip file, not a YAML/JSON draft",
        doc: "Told from the file's first bytes, whatever its name: a zip archive holding `word/` \
              entries is a Word document (.docx), one holding `xl/` entries an Excel spreadsheet \
              (.xlsx), `%PDF-` a PDF, the OLE2 signature an old Office or WPS file (.doc, .xls, \
              .wps), any other zip archive a zip. callspec reads application drafts written as \
              YAML or JSON; `callspec new` starts one. A folder walk reports these files too \
              (.docx, .doc, .xlsx, .xls, .pdf, .zip, .wps, .et, .odt, .ods) rather than skipping \
              them. Exit code 2.",
        summary_zh: "文件是 Word、Excel、PDF、旧版 Office 或 zip 文件，不是 YAML/JSON 申报草稿",
        doc_zh: "不论文件名如何，按文件开头的字节判断：含 `word/` 条目的 zip 包是 Word 文档（.docx），\
                 含 `xl/` 条目的是 Excel 表格（.xlsx），`%PDF-` 开头的是 PDF，OLE2 签名的是旧版 Office \
                 或 WPS 文件（.doc、.xls、.wps），其他 zip 包按 zip 处理。callspec 读取以 YAML 或 JSON \
                 编写的申报草稿；`callspec new` 可新建一份。遍历文件夹时也会报告这些文件（.docx、.doc、\
                 .xlsx、.xls、.pdf、.zip、.wps、.et、.odt、.ods），而不是跳过。退出码 2。",
    };
    pub const TOO_LARGE: &CodeInfo = &CodeInfo {
        code: "input.too-large",
        summary: "the file is larger than the file-size limit",
        doc: "Files over the limit (8 MiB by default, `--max-file-size` to change) are not \
              read at all, so a hostile or mistaken input cannot exhaust memory. Exit code 2.",
        summary_zh: "文件超过文件大小上限",
        doc_zh: "超过上限（默认 8 MiB，可用 `--max-file-size` 修改）的文件完全不读取，以免恶意或误给的输入耗尽内存。\
                 退出码 2。",
    };
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_unsafe_character_is_found_whatever_its_neighbours() {
        // Every character, alone in Chinese text, and beside the lead bytes the scan follows.
        for c in (0..0x3_0000).chain(0xE_0000..0xE_0100).filter_map(char::from_u32) {
            for text in [format!("科{c}普"), format!("“{c}”，"), format!("{c}")] {
                let slow = text.chars().find(|&c| super::is_unsafe(c));
                assert_eq!(super::unsafe_char(&text), slow, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn a_text_encoded_back_decodes_to_itself() {
        let text = "callspec: 2\n# 杭州市科协（杭科协〔2025〕6号）\n";
        for e in [Encoding::Gb18030, Encoding::Utf16Le, Encoding::Utf16Be] {
            let file = super::decode("s.yaml".into(), e.encode(text), &Limits::default()).expect("decodes");
            assert_eq!((&*file.text, file.encoding), (text, Some(e)));
        }
    }

    use super::*;

    /// Columns from the checkpoints are the characters counted from the line start.
    #[test]
    fn columns_from_checkpoints_count_characters() {
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(if i % 7 == 0 {
                "\n"
            } else if i % 3 == 0 {
                "中文"
            } else {
                "ab"
            });
            if i % 500 == 0 {
                text.push_str(&"长".repeat(2000));
            }
        }
        let file = SourceFile::new("t", text.clone());
        for offset in (0..text.len()).filter(|o| text.is_char_boundary(*o)).step_by(97) {
            let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let want = (text[..offset].matches('\n').count() + 1, text[line_start..offset].chars().count() + 1);
            assert_eq!(file.line_col(offset), want, "offset {offset}");
            let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
            assert_eq!(file.line_end(offset), end, "offset {offset}");
        }
    }

    #[test]
    fn file_kinds_are_told_by_their_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n"), FileKind::Pdf);
        assert_eq!(sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]), FileKind::Ole2);
        assert_eq!(sniff(b"application: 1\n"), FileKind::Text);
        assert_eq!(sniff(b"PK\x05\x06"), FileKind::Zip);
        let entry = |name: &[u8]| {
            let mut h = b"PK\x03\x04".to_vec();
            h.extend([0u8; 22]);
            h.extend((name.len() as u16).to_le_bytes());
            h.extend([0, 0]);
            h.extend(name);
            h
        };
        let mut docx = entry(b"[Content_Types].xml");
        docx.extend(entry(b"word/document.xml"));
        assert_eq!(sniff(&docx), FileKind::Docx);
        let mut xlsx = entry(b"_rels/.rels");
        xlsx.extend(entry(b"xl/workbook.xml"));
        assert_eq!(sniff(&xlsx), FileKind::Xlsx);
        assert_eq!(sniff(&entry(b"draft.yaml")), FileKind::Zip);
    }

    #[test]
    fn printable_escapes_what_could_drive_a_terminal_or_hide_text() {
        assert_eq!(printable("名称 a\tb\n"), "名称 a\tb\n");
        assert_eq!(printable("a\u{1b}[2Jb\r"), "a\\u{1b}[2Jb\\u{d}");
        assert_eq!(printable("\u{202e}x\u{200b}\u{9b}\u{7f}"), "\\u{202e}x\\u{200b}\\u{9b}\\u{7f}");
        assert!(is_control('\u{2066}') && !is_control('\u{200b}') && is_unsafe('\u{200b}'));
        // The byte pre-filter lets Chinese punctuation through and still finds bidi controls.
        assert_eq!(control_char("“引号”—破折号"), None);
        assert_eq!(control_char("ab\u{202e}"), Some('\u{202e}'));
        assert_eq!(control_char("\u{61c}"), Some('\u{61c}'));
    }
}
