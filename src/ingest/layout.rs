//! Layout of plain text: from lines to blocks (paragraphs, list items, short lines).
//!
//! Rules, in order:
//! - A blank line ends a block (and so always ends a sentence).
//! - A line that starts with a bullet (`-`, `*`, `+`, `•`, ...) or a number (`1.`, `2)`) starts a
//!   list item of its own.
//! - In a paragraph whose lines all lack sentence-final punctuation, every line is a block of its
//!   own: such a paragraph is a list (menus, tags, kicker lines), not wrapped prose.
//! - Otherwise a line break is a soft wrap, joined with a space, when the line before does not end
//!   a sentence and either the next line starts in lower case or the line before is long (wrapped
//!   prose fills its lines; a heading does not). Any other line break starts a new block.
//!
//! The text of a block is its lines, trimmed, joined by single spaces.

/// A block of text as laid out in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawBlock {
    /// The block's text, bullet marker removed.
    pub text: String,
    /// The bullet that started a list item, as written with the space after it (`- `, `⁃`).
    pub bullet: Option<String>,
    /// 1-based line number of the block's first line.
    pub line: usize,
    /// Whether the block is a list item (bulleted or numbered).
    pub item: bool,
}

/// Line length (in characters) from which a line without final punctuation counts as wrapped
/// prose rather than a heading.
const WRAPPED_LINE_CHARS: usize = 55;

/// Lays out `text`, whose first line is line `first_line` of its file.
pub(crate) fn blocks(text: &str, first_line: usize) -> Vec<RawBlock> {
    let mut out = Vec::new();
    let mut para: Vec<(usize, &str)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            paragraph(&para, &mut out);
            para.clear();
        } else {
            para.push((first_line + i, line));
        }
    }
    paragraph(&para, &mut out);
    out
}

fn paragraph(lines: &[(usize, &str)], out: &mut Vec<RawBlock>) {
    if lines.is_empty() {
        return;
    }
    let list_of_lines = lines.len() > 1 && lines.iter().all(|(_, l)| !ends_sentence(l));
    let mut current: Option<RawBlock> = None;
    let mut prev: &str = "";
    for &(n, line) in lines {
        let (bullet, rest, item) = list_marker(line);
        let join = current.is_some() && !list_of_lines && !item && soft_wrap(prev, rest);
        if join {
            let block = current.as_mut().expect("checked above");
            block.text.push(' ');
            block.text.push_str(rest);
        } else {
            out.extend(current.take());
            current = Some(RawBlock {
                text: rest.to_string(),
                bullet: bullet.map(str::to_string),
                line: n,
                item,
            });
        }
        prev = line;
    }
    out.extend(current);
}

/// Whether the break between `prev` and `next` is a soft wrap inside a sentence.
fn soft_wrap(prev: &str, next: &str) -> bool {
    if ends_sentence(prev) {
        return false;
    }
    let next_lower = next
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase());
    next_lower || prev.chars().count() >= WRAPPED_LINE_CHARS
}

/// Characters that end a sentence (ASCII and other scripts).
pub(crate) const TERMINALS: &[char] = &[
    '.', '!', '?', '…', '。', '！', '？', '｡', '।', '॥', '؟', '۔', '։', '።', '፧', '။', '‼', '⁇',
    '⁈', '⁉', '\u{37E}', // Greek question mark (NFC turns it into ';', which is not listed)
];

/// Closing quotes and brackets that may follow a sentence's final punctuation.
pub(crate) const CLOSERS: &[char] = &[
    '"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』', '）', '〕', '】',
];

/// Whether `s` ends with sentence-final punctuation, possibly followed by closing quotes.
pub(crate) fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .trim_end_matches(CLOSERS)
        .chars()
        .next_back()
        .is_some_and(|c| TERMINALS.contains(&c))
}

/// Splits a list marker off a line: returns the bullet as written, with the space after it (for a
/// symbol bullet), the rest of the line, and whether the line is a list item. Numbered items keep
/// their number in the text.
pub(crate) fn list_marker(line: &str) -> (Option<&str>, &str, bool) {
    const BULLETS: &[&str] = &[
        "-", "*", "+", "•", "·", "▪", "◦", "‣", "⁃", "●", "○", "■", "□", "➢", "►",
    ];
    for b in BULLETS {
        if let Some(rest) = line.strip_prefix(b) {
            // `-` needs a space after it (not "-5 degrees"); the Unicode bullets do not.
            let trimmed = rest.trim_start();
            if (rest.starts_with(' ')
                || rest.starts_with('\t')
                || (b.len() > 1 && !rest.is_empty()))
                && !trimmed.is_empty()
            {
                return (Some(&line[..line.len() - trimmed.len()]), trimmed, true);
            }
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        for m in [".)", ")", "."] {
            if let Some(after) = rest.strip_prefix(m)
                && after.starts_with(' ')
                && !after.trim().is_empty()
            {
                return (None, line, true);
            }
        }
    }
    (None, line, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        blocks(text, 1).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn blank_lines_end_blocks() {
        assert_eq!(texts("One.\n\nTwo.\n"), ["One.", "Two."]);
    }

    #[test]
    fn wrapped_prose_is_joined() {
        assert_eq!(
            texts("This is a sentence\ncut off in the middle because pdf."),
            ["This is a sentence cut off in the middle because pdf."]
        );
        assert_eq!(
            texts("It was a cold \nnight in the city."),
            ["It was a cold night in the city."]
        );
        let wrapped =
            "U.S. Secretary of State Marco Rubio and Russian Foreign Minister\nSergey Lavrov met.";
        assert_eq!(texts(wrapped).len(), 1);
    }

    #[test]
    fn unpunctuated_lines_are_a_list() {
        assert_eq!(
            texts("features\ncontact manager\nevents, activities\n"),
            ["features", "contact manager", "events, activities"]
        );
    }

    #[test]
    fn headings_and_kickers_stay_apart() {
        let got = texts(
            "Kremlin\nThe Kremlin has sought to temper expectations.\nTrump-Putin meeting\nThe two sides met.",
        );
        assert_eq!(
            got,
            [
                "Kremlin",
                "The Kremlin has sought to temper expectations.",
                "Trump-Putin meeting",
                "The two sides met."
            ]
        );
    }

    #[test]
    fn bullets_are_items() {
        let b = blocks(
            "KEY POINTS\n- First point.\n- Second point.\n+ posts\n1. Numbered.",
            10,
        );
        assert_eq!(b[0].text, "KEY POINTS");
        assert!(!b[0].item);
        assert_eq!(
            (b[1].text.as_str(), b[1].bullet.as_deref(), b[1].line),
            ("First point.", Some("- "), 11)
        );
        assert!(b[2].item);
        assert_eq!(b[3].text, "posts");
        assert_eq!((b[4].text.as_str(), b[4].item), ("1. Numbered.", true));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("He left."));
        assert!(ends_sentence("“if necessary.”"));
        assert!(ends_sentence("Really?!"));
        assert!(!ends_sentence("Russia-Ukraine Talks"));
        assert!(!ends_sentence("He said:"));
    }
}
