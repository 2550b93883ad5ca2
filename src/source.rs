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

impl Default for Limits {
    fn default() -> Self {
        Self { max_file_bytes: 8 * 1024 * 1024, max_depth: 64, max_nodes: 50_000, max_aliases: 1_000 }
    }
}

/// A control character other than tab and line breaks: it never belongs in a form, and is
/// never echoed to a terminal.
pub fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The first [`is_control`] character of `s`.
pub fn control_char(s: &str) -> Option<char> {
    // Control characters are U+0000–U+001F, U+007F and U+0080–U+009F; the last are encoded
    // as 0xC2 0x80–0x9F. A byte scan (vectorised) rules out almost every string before the
    // character scan runs.
    let suspect = |b: u8| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2;
    if !s.bytes().fold(false, |found, b| found | suspect(b)) {
        return None;
    }
    s.chars().find(|&c| is_control(c))
}

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
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            name: name.into(),
            text: text.into(),
            lines: OnceLock::new(),
            miette_lines: OnceLock::new(),
            control: OnceLock::new(),
        })
    }

    /// The byte offset where the line holding `offset` starts (lines end at `\n`).
    pub fn line_start(&self, offset: usize) -> usize {
        let lines = self.lines();
        lines[self.line_index(offset)]
    }

    fn lines(&self) -> &[usize] {
        self.lines.get_or_init(|| std::iter::once(0).chain(self.text.match_indices('\n').map(|(i, _)| i + 1)).collect())
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

    /// Whether the text holds a control character other than tab and line breaks.
    pub fn has_control(&self) -> bool {
        *self.control.get_or_init(|| control_char(&self.text).is_some())
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let index = self.line_index(offset);
        let line_start = self.lines()[index];
        // Characters, counted as the bytes that do not continue one (vectorised: long lines).
        let col = self.text.get(line_start..offset).map_or(1, |s| s.bytes().filter(|b| (b & 0xC0) != 0x80).count() + 1);
        (index + 1, col)
    }

    /// The text under a span, if the span is valid for this file.
    pub fn slice(&self, span: Span) -> Option<&str> {
        self.text.get(span.offset..span.offset + span.len)
    }
}

/// Reads a file as UTF-8 text under the size limit. A UTF-8 byte-order mark is dropped.
pub fn read(path: &Path, limits: &Limits) -> Result<Arc<SourceFile>, Finding> {
    let name = path.display().to_string();
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
    if meta.len() > limits.max_file_bytes {
        return Err(too_large(&name, meta.len(), limits.max_file_bytes));
    }
    // Read at most one byte over the limit, in case the file grew since it was measured.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    {
        use std::io::Read;
        let file = std::fs::File::open(path).map_err(|e| io_finding(&name, &e))?;
        file.take(limits.max_file_bytes + 1).read_to_end(&mut bytes).map_err(|e| io_finding(&name, &e))?;
    }
    decode(name, bytes, limits)
}

/// Decodes bytes already in memory (from a file or standard input).
pub fn decode(name: String, bytes: Vec<u8>, limits: &Limits) -> Result<Arc<SourceFile>, Finding> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(&name, bytes.len() as u64, limits.max_file_bytes));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Finding::error(codes::ENCODING, crate::tr!("`{name}` is encoded as UTF-16", "`{name}` 是 UTF-16 编码")).with_help(
            crate::tr!(
                "save the file as UTF-8 (in most editors: Save As → Encoding → UTF-8)",
                "请将文件另存为 UTF-8 编码（多数编辑器：另存为 → 编码 → UTF-8）"
            ),
        ));
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
        Ok(text) => {
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
            Ok(SourceFile::new(name, text))
        }
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // Chinese text that was valid UTF-8 up to here means a damaged UTF-8 file, not GBK.
            let gb = looks_like_gb18030(&bytes[at..]) && bytes[..at].is_ascii();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // The bad bytes show as U+FFFD (three bytes) in the text; the label covers it whole.
            let len = text[at..].chars().next().map_or(0, char::len_utf8);
            let file = SourceFile::new(name.clone(), text);
            let (line, col) = file.line_col(at);
            let (what, what_zh, help) = if gb {
                (
                    "the text looks like GBK/GB18030, as saved by Chinese-locale editors",
                    "文本看似 GBK/GB18030 编码（中文环境的编辑器常这样保存）",
                    crate::tr!(
                        "re-save the file as UTF-8 (Save As → Encoding → UTF-8), or convert it: `iconv -f GB18030 -t UTF-8 in.yaml > out.yaml`",
                        "请另存为 UTF-8（另存为 → 编码 → UTF-8），或转换：`iconv -f GB18030 -t UTF-8 in.yaml > out.yaml`"
                    ),
                )
            } else {
                (
                    "a character is cut off or corrupted",
                    "有字符被截断或损坏",
                    crate::tr!(
                        "re-type the text around this place, or restore the file from a good copy",
                        "请重新输入此处附近的文字，或从完好的副本恢复文件"
                    ),
                )
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
            .with_help(help))
        }
    }
}

/// A cheap test for GBK/GB18030 double-byte text: a lead byte 0x81..=0xFE followed by a trail byte.
fn looks_like_gb18030(bytes: &[u8]) -> bool {
    matches!(bytes, [0x81..=0xFE, 0x40..=0xFE, ..])
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
        summary: "the file is not UTF-8 text",
        doc: "callspec reads UTF-8 (a byte-order mark is allowed). Files saved by Chinese-locale \
              editors are often GBK/GB18030 or UTF-16; the finding labels the first byte that is \
              not UTF-8 and names the likely encoding. Re-save the file as UTF-8. Exit code 2.",
        summary_zh: "文件不是 UTF-8 文本",
        doc_zh: "callspec 读取 UTF-8 文本（允许字节顺序标记）。中文环境的编辑器保存的文件常为 GBK/GB18030 或 UTF-16；\
                 该问题标出第一个不属于 UTF-8 的字节，并指出可能的编码。请将文件另存为 UTF-8。\
                 退出码 2。",
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
