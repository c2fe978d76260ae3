//! Where in a file: the 1-based line of a byte offset, for errors and warnings. Every place that
//! reports a line (front matter, thread files, encoding errors, the blocks of a Markdown article,
//! the check of a rendered brief) computes it here.

/// The starts of a text's lines, for many lookups in one text.
#[derive(Clone, Debug)]
pub(crate) struct LineIndex {
    /// Byte offset of each line's first byte; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text` (UTF-8 or not: lines end at `\n`).
    pub fn new(text: &(impl AsRef<[u8]> + ?Sized)) -> LineIndex {
        let bytes = text.as_ref();
        let starts = std::iter::once(0)
            .chain(
                bytes
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset` (an offset past the end is on the last line).
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}

/// The 1-based line holding byte `offset` of `text`, for a single lookup.
pub(crate) fn line_of(text: &(impl AsRef<[u8]> + ?Sized), offset: usize) -> usize {
    let bytes = text.as_ref();
    let end = offset.min(bytes.len());
    bytes[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_of_offsets() {
        let text = "ab\ncd\n\ne";
        let index = LineIndex::new(text);
        for (offset, line) in [
            (0, 1),
            (2, 1),
            (3, 2),
            (5, 2),
            (6, 3),
            (7, 4),
            (8, 4),
            (99, 4),
        ] {
            assert_eq!(index.line(offset), line, "offset {offset}");
            assert_eq!(line_of(text, offset), line, "offset {offset}");
        }
        assert_eq!(line_of(b"x\xff\ny".as_slice(), 3), 2);
    }
}
