//! Ingest: from the bytes of one article file to an [`Article`]: text decoded (UTF-8 with or
//! without BOM, LF or CRLF), front matter parsed, body laid out in blocks (plain text by line
//! layout, Markdown through pulldown-cmark), the headline found and page furniture marked.
//!
//! Ingest does not split sentences; that is `segment`'s job. It does not read the file system
//! either: the caller hands it the bytes.

pub(crate) mod front_matter;
pub mod furniture;
pub mod html;
pub mod layout;
pub mod markdown;
pub mod origin;

use std::path::Path;

pub use front_matter::FrontMatter;
pub use furniture::Furniture;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::safety::{is_bidi_control, is_line_separator};
use crate::warning::Warning;

/// One article, as read.
#[derive(Clone, Debug)]
pub struct Article {
    /// Stable id: the file's path relative to the input folder, without extension.
    pub id: String,
    /// The file's path relative to the input folder (or as given), for display.
    pub file: String,
    pub meta: FrontMatter,
    /// Who published it, as a citation names it ([`origin::source`]), and where that was found.
    pub source: String,
    pub source_from: origin::SourceFrom,
    /// The front matter date, else a date in its dateline or first lines ([`origin::date`]).
    pub date: Option<jiff::civil::Date>,
    /// The front matter language, parsed.
    pub language: Option<Lang>,
    /// The title from front matter, or the detected headline.
    pub headline: Option<String>,
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// Size of the file in bytes, as read.
    pub size: usize,
    /// Whether the file has front matter.
    pub(crate) has_front_matter: bool,
    /// What reading it changed or dropped, for the user to know (see [`crate::warning`]).
    pub warnings: Vec<Warning>,
}

/// A block of the body: a paragraph, list item, heading or piece of furniture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    /// 1-based line in the file.
    pub line: usize,
    pub(crate) role: Role,
}

/// What a block is to the summarizer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// Running text: its sentences are candidates.
    Prose,
    /// A list item: its sentences are candidates, and never run into the next block.
    Item,
    /// The headline.
    Title,
    /// Not part of the story.
    Furniture(Furniture),
}

impl Role {
    /// Whether the block's sentences may become key lines.
    pub(crate) fn is_candidate(self) -> bool {
        matches!(self, Role::Prose | Role::Item)
    }
}

/// Whether a path names an article brief reads (`.txt` or `.md`, any case).
pub fn is_article_path(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        e.eq_ignore_ascii_case("txt")
            || e.eq_ignore_ascii_case("md")
            || e.eq_ignore_ascii_case("markdown")
    })
}

/// Reads an article from its bytes. `rel` is its path relative to the input folder (used for the
/// id and in output); `path` is where it was read from (used in errors).
pub fn parse(path: &Path, rel: &str, bytes: &[u8]) -> Result<Article> {
    let mut text = decode(path, bytes)?;
    let mut removed = remove_controls(&mut text);
    let fm = front_matter::parse(path, &text)?;
    let body = &text[fm.body_offset..];
    let is_markdown = Path::new(rel)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));

    let mut blocks = Vec::new();
    let mut headline = None;
    if is_markdown {
        for piece in markdown::pieces(body, fm.body_line) {
            match piece {
                markdown::Piece::Text(b) => blocks.push(classify(b.text, b.line, b.item)),
                markdown::Piece::Heading { text, line, level } => {
                    let role = if level == 1 && headline.is_none() {
                        headline = Some(text.clone());
                        Role::Title
                    } else {
                        Role::Furniture(Furniture::Heading)
                    };
                    blocks.push(Block { text, line, role });
                }
                markdown::Piece::Skipped { line, why } => blocks.push(Block {
                    text: String::new(),
                    line,
                    role: Role::Furniture(why),
                }),
            }
        }
    } else {
        blocks = layout::blocks(body, fm.body_line)
            .into_iter()
            .map(|b| classify(b.text, b.line, b.item))
            .collect();
    }
    if headline.is_none() {
        headline = detect_headline(&mut blocks);
    }
    let mut warnings = Vec::new();
    // Markdown decodes entities ("&#x202E;") into characters: its blocks are cleaned as well.
    if is_markdown {
        for b in &mut blocks {
            removed += remove_controls(&mut b.text);
        }
        removed += headline.as_mut().map_or(0, remove_controls);
    }
    let mut meta = fm.meta;
    // Front matter strings may hold escapes ("\u202E") that only parsing turns into characters.
    for field in [
        &mut meta.title,
        &mut meta.source,
        &mut meta.url,
        &mut meta.thread,
    ] {
        removed += field.as_mut().map_or(0, remove_controls);
    }
    removed += meta
        .extra
        .values_mut()
        .map(remove_controls_in)
        .sum::<usize>();
    if removed > 0 {
        warnings.push(controls_removed(&rel.replace('\\', "/"), removed));
    }
    // A url is kept only when a brief may link it (the rule the renderer applies, in one place).
    if let Some(url) = meta.url.take_if(|u| !crate::safety::safe_url(u)) {
        warnings.push(Warning::new(
            rel.replace('\\', "/"),
            format!("url dropped: only http, https and mailto links are kept, not {url:?}"),
        ));
    }
    if let Some(line) = short_lines_as_prose(&mut blocks) {
        warnings.push(Warning::at(
            rel.replace('\\', "/"),
            line,
            "no paragraph with sentence punctuation: its short lines are read as one paragraph",
        ));
    }
    let rel_path = Path::new(rel);
    let id = rel_path
        .with_extension("")
        .to_string_lossy()
        .replace('\\', "/");
    let (source, source_from) =
        origin::source(meta.source.as_deref(), meta.url.as_deref(), &blocks, &id);
    let date = fm.date.or_else(|| origin::date(&blocks));
    Ok(Article {
        source,
        source_from,
        date,
        id,
        file: rel.replace('\\', "/"),
        headline: meta.title.clone().or(headline),
        meta,
        language: fm.language,
        blocks,
        size: bytes.len(),
        has_front_matter: fm.body_offset > 0,
        warnings,
    })
}

/// An article with nothing but short lines without final punctuation (notes, a poem, a pasted
/// list) would have no sentences at all: when there is nothing else, those lines, a headline
/// found among them included (it stays the title too), are read as one paragraph, at the first
/// one's line, which is returned. One short line alone is left as it is.
fn short_lines_as_prose(blocks: &mut Vec<Block>) -> Option<usize> {
    if blocks.iter().any(|b| b.role.is_candidate()) {
        return None;
    }
    let lines: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.role == Role::Furniture(Furniture::Heading) || b.role == Role::Title)
        .map(|(k, _)| k)
        .collect();
    if lines.len() < 2 {
        return None;
    }
    let text = lines
        .iter()
        .map(|&k| blocks[k].text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let line = blocks[lines[0]].line;
    blocks.insert(
        lines[0],
        Block {
            text,
            line,
            role: Role::Prose,
        },
    );
    Some(line)
}

/// Removes from `text` what no reader sees and a brief must not copy (`split` uses it too): control characters (NUL,
/// the other C0 controls but tab and line feed, DEL, C1) and explicit bidirectional embeddings,
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can reverse the text printed after
/// them. The controls that break lines or pages (VT, FF, NEL, U+2028, U+2029, as `pdftotext`
/// writes them) become line feeds and are not counted. Returns how many were removed. Key lines
/// stay verbatim pieces of the text as read.
pub fn remove_controls(text: &mut String) -> usize {
    let breaks = |c: char| matches!(c, '\u{0B}' | '\u{0C}' | '\u{85}') || is_line_separator(c);
    let unwanted =
        |c: char| (c.is_control() && c != '\n' && c != '\t' && !breaks(c)) || is_bidi_control(c);
    if !may_hold_controls(text.as_bytes()) {
        return 0;
    }
    let removed = text.chars().filter(|&c| unwanted(c)).count();
    *text = text
        .chars()
        .filter(|&c| !unwanted(c))
        .map(|c| if breaks(c) { '\n' } else { c })
        .collect();
    removed
}

/// Whether `bytes` (UTF-8) may hold a character [`remove_controls`] changes: a C0 control but
/// tab and line feed, DEL, a C1 control (`C2 80`-`C2 9F`), U+2028-U+202E (`E2 80 A8`-`AE`) or
/// U+2066-U+2069 (`E2 81 A6`-`A9`). One pass over the bytes, most of them ASCII letters: this runs
/// on every article.
fn may_hold_controls(bytes: &[u8]) -> bool {
    let mut i = 0;
    // Jump from one byte of interest to the next: line ends, tabs, and the lead bytes of the
    // few multi-byte characters concerned (curly quotes share 0xE2 with them).
    while let Some(k) = bytes[i..]
        .iter()
        .position(|&b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2)
    {
        let j = i + k;
        let hit = match bytes[j] {
            b'\n' | b'\t' => false,
            0xC2 => bytes.get(j + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
            0xE2 => match (bytes.get(j + 1), bytes.get(j + 2)) {
                (Some(0x80), Some(n)) => (0xA8..=0xAE).contains(n),
                (Some(0x81), Some(n)) => (0xA6..=0xA9).contains(n),
                _ => false,
            },
            _ => true,
        };
        if hit {
            return true;
        }
        i = j + 1;
    }
    false
}

/// The warning for `n` characters taken out of `file` by [`remove_controls`].
pub fn controls_removed(file: &str, n: usize) -> Warning {
    Warning::new(
        file,
        format!(
            "{n} control or bidirectional-override character{} removed",
            if n == 1 { "" } else { "s" }
        ),
    )
}

/// [`remove_controls`] on every string inside a front matter value.
fn remove_controls_in(value: &mut serde_json::Value) -> usize {
    match value {
        serde_json::Value::String(s) => remove_controls(s),
        serde_json::Value::Array(items) => items.iter_mut().map(remove_controls_in).sum(),
        serde_json::Value::Object(fields) => fields.values_mut().map(remove_controls_in).sum(),
        _ => 0,
    }
}

/// Decodes UTF-8 (a leading BOM is dropped) and turns CRLF and CR line ends into LF.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        Error::Encoding {
            path: path.to_path_buf(),
            line: crate::location::line_of(bytes, offset),
            offset,
        }
    })?;
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

fn classify(text: String, line: usize, item: bool) -> Block {
    let role = match furniture::block(&text, item) {
        Some(f) => Role::Furniture(f),
        None if item => Role::Item,
        None => Role::Prose,
    };
    Block { text, line, role }
}

/// The headline of a plain-text article: among the heading lines before the first paragraph, the
/// first of three words or more that is not in capitals (a one-word kicker such as
/// "International" or a header such as "KEY POINTS" is not a headline).
fn detect_headline(blocks: &mut [Block]) -> Option<String> {
    for block in blocks.iter_mut() {
        match block.role {
            Role::Prose | Role::Item => return None,
            Role::Furniture(Furniture::Heading) => {
                let words = block.text.split_whitespace().count();
                let shouting = !block.text.chars().any(char::is_lowercase);
                if words >= 3 && !shouting {
                    block.role = Role::Title;
                    return Some(block.text.clone());
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(rel: &str, text: &str) -> Article {
        parse(Path::new(rel), rel, text.as_bytes()).unwrap()
    }

    #[test]
    fn headline_after_kicker() {
        let a = article(
            "001.txt",
            "International\n\nKremlin Signals Putin-Zelenskyy Meeting Possible\n\nIn a cautious signal, the Kremlin spoke.\n",
        );
        assert_eq!(
            a.headline.as_deref(),
            Some("Kremlin Signals Putin-Zelenskyy Meeting Possible")
        );
        assert_eq!(a.blocks[0].role, Role::Furniture(Furniture::Heading));
        assert_eq!(a.blocks[1].role, Role::Title);
        assert_eq!(a.blocks[2].role, Role::Prose);
        assert_eq!(a.blocks[2].line, 5);
        assert_eq!(a.id, "001");
    }

    #[test]
    fn no_headline_when_prose_comes_first() {
        let a = article(
            "x.txt",
            "Kremlin\nThe Kremlin has sought to temper expectations.\n",
        );
        assert_eq!(a.headline, None);
        let a = article(
            "x.txt",
            "KEY POINTS\n- First point of the story here.\nRIYADH: Talks ended.\n",
        );
        assert_eq!(a.headline, None);
        assert_eq!(a.blocks[1].role, Role::Item);
    }

    #[test]
    fn front_matter_title_wins() {
        let a = article(
            "d/x.md",
            "---\ntitle: Given\n---\n# Heading\n\nBody text.\n",
        );
        assert_eq!(a.headline.as_deref(), Some("Given"));
        assert_eq!(a.id, "d/x");
        assert_eq!(a.blocks[1].line, 6);
    }

    #[test]
    fn the_byte_scan_finds_every_control_the_removal_changes() {
        for c in [
            '\0', '\t', '\n', '\u{1f}', ' ', '~', '\u{7f}', '\u{80}', '\u{85}', '\u{9f}', '\u{a0}',
            'é', '“', '\u{2027}', '\u{2028}', '\u{2029}', '\u{202a}', '\u{202e}', '\u{202f}',
            '\u{2065}', '\u{2066}', '\u{2069}', '\u{206a}', '😀',
        ] {
            let text = format!("a{c}b");
            let mut cleaned = text.clone();
            remove_controls(&mut cleaned);
            assert_eq!(may_hold_controls(text.as_bytes()), cleaned != text, "{c:?}");
        }
    }

    #[test]
    fn bom_and_crlf() {
        let a = article("x.txt", "\u{feff}One line.\r\nTwo line.\r\n");
        assert_eq!(a.blocks[0].text, "One line.");
        assert_eq!(a.blocks[1].text, "Two line.");
    }

    #[test]
    fn invalid_utf8_names_file_and_line() {
        let e = parse(
            Path::new("in/bad.txt"),
            "bad.txt",
            b"ok\nstill ok\n\xff\xfe bad\n",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "in/bad.txt:3: not valid UTF-8 (invalid byte at offset 12); save the file as UTF-8"
        );
    }
}
