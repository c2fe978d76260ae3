//! Markdown articles, read through pulldown-cmark as text, not markup: emphasis, links and inline
//! code give their text; headings are headings; list items are items; fenced code blocks and
//! tables are not prose. Articles are written by people pasting news, not code, so two things
//! read as prose: an indented block (a four-space indent is rarely code in an article) and an
//! HTML block (`<p>…</p>` pasted from a page), whose tags are stripped and entities decoded
//! ([`super::html`]). Paragraph text then goes through the same line layout as plain text, so a
//! kicker line inside a paragraph is still found.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::furniture::Furniture;
use super::layout::{self, RawBlock};
use crate::location::LineIndex;

/// A piece of a Markdown document.
#[derive(Debug)]
pub(crate) enum Piece {
    /// Paragraph or list-item text.
    Text(RawBlock),
    /// A heading, with its level (1 for `#`).
    Heading {
        text: String,
        line: usize,
        level: u8,
    },
    /// Something that is not prose (code, HTML, table), kept for its line number only.
    Skipped { line: usize, why: Furniture },
}

/// Reads `body`, whose first line is line `first_line` of its file.
pub(crate) fn pieces(body: &str, first_line: usize) -> Vec<Piece> {
    let lines = LineIndex::new(body);
    let line_of = |offset: usize| first_line + lines.line(offset) - 1;

    let mut out = Vec::new();
    // Text being collected, with the line it started on and what it belongs to.
    let mut buf = String::new();
    let mut buf_line = 0;
    let mut in_heading: Option<u8> = None;
    let mut item_depth = 0usize;
    let mut skip_depth = 0usize; // inside fenced code, tables, images
    // An HTML block being collected, with its first line.
    let mut html: Option<(String, usize)> = None;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;

    let flush = |buf: &mut String, line: usize, item: bool, out: &mut Vec<Piece>| {
        if buf.trim().is_empty() {
            buf.clear();
            return;
        }
        if item {
            let text = buf.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(Piece::Text(RawBlock {
                text,
                bullet: None,
                line,
                item: true,
            }));
        } else {
            out.extend(layout::blocks(buf, line).into_iter().map(Piece::Text));
        }
        buf.clear();
    };

    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    in_heading = Some(level_number(level));
                    buf_line = line_of(range.start);
                }
                Tag::Paragraph => {
                    if item_depth == 0 || buf.is_empty() {
                        if buf.is_empty() {
                            buf_line = line_of(range.start);
                        }
                    } else {
                        buf.push(' ');
                    }
                }
                Tag::Item => {
                    flush(&mut buf, buf_line, item_depth > 0, &mut out);
                    item_depth += 1;
                    buf_line = line_of(range.start);
                }
                Tag::CodeBlock(CodeBlockKind::Indented) if item_depth == 0 => {
                    // Read as a paragraph of its own.
                    flush(&mut buf, buf_line, false, &mut out);
                    buf_line = line_of(range.start);
                }
                Tag::HtmlBlock => {
                    if item_depth == 0 {
                        flush(&mut buf, buf_line, false, &mut out);
                    }
                    html = Some((String::new(), line_of(range.start)));
                }
                Tag::CodeBlock(_) => {
                    out.push(Piece::Skipped {
                        line: line_of(range.start),
                        why: Furniture::NotText,
                    });
                    skip_depth += 1;
                }
                Tag::Table(_) => {
                    out.push(Piece::Skipped {
                        line: line_of(range.start),
                        why: Furniture::NotText,
                    });
                    skip_depth += 1;
                }
                Tag::Image { .. } => skip_depth += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => {
                    let text = buf.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !text.is_empty() {
                        out.push(Piece::Heading {
                            text,
                            line: buf_line,
                            level: in_heading.unwrap_or(1),
                        });
                    }
                    buf.clear();
                    in_heading = None;
                }
                TagEnd::Paragraph if item_depth == 0 => flush(&mut buf, buf_line, false, &mut out),
                TagEnd::Item => {
                    flush(&mut buf, buf_line, true, &mut out);
                    item_depth = item_depth.saturating_sub(1);
                }
                TagEnd::CodeBlock if skip_depth == 0 => flush(&mut buf, buf_line, false, &mut out),
                TagEnd::HtmlBlock if html.is_some() => {
                    let (raw, line) = html.take().unwrap_or_default();
                    let text = super::html::to_text(&raw);
                    if item_depth > 0 {
                        // Part of a list item's text.
                        if !buf.is_empty() {
                            buf.push(' ');
                        }
                        buf.push_str(&text.replace("\n\n", " "));
                        continue;
                    }
                    out.extend(
                        text.split("\n\n")
                            .flat_map(|p| layout::blocks(p, line))
                            .map(Piece::Text),
                    );
                }
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Table | TagEnd::Image => {
                    skip_depth = skip_depth.saturating_sub(1);
                }
                _ => {}
            },
            Event::Html(t) if html.is_some() => {
                if let Some((raw, _)) = html.as_mut() {
                    raw.push_str(&t);
                }
            }
            Event::Text(t) | Event::Code(t) if skip_depth == 0 => {
                if buf.is_empty() && in_heading.is_none() && item_depth == 0 {
                    buf_line = line_of(range.start);
                }
                buf.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak if skip_depth == 0 => {
                buf.push(if in_heading.is_some() || item_depth > 0 {
                    ' '
                } else {
                    '\n'
                })
            }
            _ => {}
        }
    }
    flush(&mut buf, buf_line, item_depth > 0, &mut out);
    out
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markdown_as_text() {
        let md = "# Talks *end*\n\nThe [talks](http://x) ended with `no` deal.\nA second line follows.\n\n- One item.\n- Two\n  items.\n\n```\ncode()\n```\n\n<div>html</div>\n";
        let got = pieces(md, 1);
        match &got[0] {
            Piece::Heading { text, line, level } => {
                assert_eq!((text.as_str(), *line, *level), ("Talks end", 1, 1))
            }
            other => panic!("{other:?}"),
        }
        let texts: Vec<(String, usize, bool)> = got
            .iter()
            .filter_map(|p| match p {
                Piece::Text(b) => Some((b.text.clone(), b.line, b.item)),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                ("The talks ended with no deal.".to_string(), 3, false),
                ("A second line follows.".to_string(), 4, false),
                ("One item.".to_string(), 6, true),
                ("Two items.".to_string(), 7, true),
                ("html".to_string(), 14, false),
            ]
        );
        // The fenced code block only.
        assert_eq!(
            got.iter()
                .filter(|p| matches!(p, Piece::Skipped { .. }))
                .count(),
            1
        );
    }

    #[test]
    fn kicker_inside_a_paragraph_is_found() {
        let got = pieces("Kremlin\nThe Kremlin said no.\n", 5);
        let texts: Vec<String> = got
            .iter()
            .filter_map(|p| match p {
                Piece::Text(b) => Some(format!("{}:{}", b.line, b.text)),
                _ => None,
            })
            .collect();
        assert_eq!(texts, ["5:Kremlin", "6:The Kremlin said no."]);
    }

    fn texts(md: &str) -> Vec<String> {
        pieces(md, 1)
            .iter()
            .filter_map(|p| match p {
                Piece::Text(b) => Some(format!("{}:{}", b.line, b.text)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn html_paragraphs_are_read_as_text() {
        let md = "<p>Talks in Riyadh ended on Tuesday.</p>\n<p>Both sides&rsquo; envoys left &amp; flew home.</p>\n";
        assert_eq!(
            texts(md),
            [
                "1:Talks in Riyadh ended on Tuesday.",
                "1:Both sides\u{2019} envoys left & flew home."
            ]
        );
    }

    #[test]
    fn indented_paragraphs_are_prose() {
        let md = "    The talks ended on Tuesday without a deal.\n    Both sides will meet again.\n\n    A second paragraph follows here.\n";
        assert_eq!(
            texts(md),
            [
                "1:The talks ended on Tuesday without a deal.",
                "2:Both sides will meet again.",
                "4:A second paragraph follows here."
            ]
        );
    }
}
