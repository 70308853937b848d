//! Legacy charsets, declared and undeclared.

use dyad_web::{extract_bytes, CharsetSource};

const RU: &str = "Городской совет утвердил бюджет на следующий год после долгого обсуждения. Депутаты проголосовали за увеличение расходов на школы и дороги.";
const JA: &str = "市議会は来年度の予算案を賛成多数で可決した。学校と道路の整備費が増額され、市長は記者会見で住民の理解を求めた。";

fn page(body: &str, head: &str) -> String {
    format!("<html><head>{head}<title>t</title></head><body><article><p>{body}</p><p>{body}</p></article></body></html>")
}

#[test]
fn windows_1251_declared_in_meta() {
    let html = page(RU, "<meta charset=\"windows-1251\">");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
    let ex = extract_bytes(&bytes, None, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        ex.encoding.as_ref().map(|(n, s)| (n.as_str(), *s)),
        Some(("windows-1251", CharsetSource::MetaTag))
    );
    assert_eq!(ex.blocks.first().map(|b| b.text.as_str()), Some(RU));
}

#[test]
fn shift_jis_declared_in_http_header() {
    let html = page(JA, "");
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&html);
    let ex = extract_bytes(&bytes, None, Some("text/html; charset=Shift_JIS"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        ex.encoding.as_ref().map(|(n, s)| (n.as_str(), *s)),
        Some(("Shift_JIS", CharsetSource::HttpHeader))
    );
    assert_eq!(ex.blocks.first().map(|b| b.text.as_str()), Some(JA));
}

#[test]
fn undeclared_legacy_charsets_are_detected() {
    for (text, enc) in [
        (RU, encoding_rs::WINDOWS_1251),
        (JA, encoding_rs::SHIFT_JIS),
    ] {
        let html = page(text, "");
        let (bytes, _, _) = enc.encode(&html);
        let ex = extract_bytes(&bytes, None, None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            ex.encoding.as_ref().map(|(n, s)| (n.as_str(), *s)),
            Some((enc.name(), CharsetSource::Detected))
        );
        assert_eq!(ex.blocks.first().map(|b| b.text.as_str()), Some(text));
    }
}

#[test]
fn iso_8859_2_declared_in_http_equiv() {
    let text = "Rada miasta zatwierdziła budżet na przyszły rok po długiej debacie. Radni głosowali za zwiększeniem wydatków na szkoły.";
    let html = page(
        text,
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">",
    );
    let (bytes, _, _) = encoding_rs::ISO_8859_2.encode(&html);
    let ex = extract_bytes(&bytes, None, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ex.blocks.first().map(|b| b.text.as_str()), Some(text));
}
