//! Cardinal number words, shared by the date finder ("two weeks ago") and
//! the quantity finder ("seven people", "two hundred and fifty").

/// Value of a cardinal number word below a hundred ("seven" → 7,
/// "forty" → 40); `lower` is lower-case.
pub(crate) fn cardinal(lower: &str) -> Option<u32> {
    let v = match lower {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::cardinal;

    #[test]
    fn cardinals_below_a_hundred() {
        assert_eq!(cardinal("one"), Some(1));
        assert_eq!(cardinal("nineteen"), Some(19));
        assert_eq!(cardinal("ninety"), Some(90));
        assert_eq!(cardinal("hundred"), None);
        assert_eq!(cardinal("a"), None);
        assert_eq!(cardinal("Seven"), None, "input is lower-case");
    }
}
