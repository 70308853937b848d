//! Plain-text tables for terminal output.

/// Renders rows under a header, columns padded to their widest cell (cells
/// cut at 60 characters so a long sentence does not wreck the layout).
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    const MAX: usize = 60;
    let cut = |s: &str| -> String {
        let one_line = s.replace(['\n', '\t'], " ");
        if one_line.chars().count() > MAX {
            let mut t: String = one_line.chars().take(MAX - 1).collect();
            t.push('…');
            t
        } else {
            one_line
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cut(c)).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |items: Vec<&str>| -> String {
        let parts: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let w = widths.get(i).copied().unwrap_or(0);
                format!("{c:<w$}")
            })
            .collect();
        format!("{}\n", parts.join("  ").trim_end())
    };
    let mut out = line(header.to_vec());
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    for row in &cells {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_aligned_and_long_cells_cut() {
        let out = render(
            &["a", "bb"],
            &[
                vec!["xyz".into(), "1".into()],
                vec!["q".into(), "w".repeat(80)],
            ],
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "a    bb");
        assert_eq!(lines[2], "xyz  1");
        assert!(lines[3].ends_with('…'));
    }
}
