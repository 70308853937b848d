use std::time::Instant;
fn main() {
    let dir = std::path::Path::new("/work/shared/eval/html");
    let pages = dyad_web::bench::load_pages(dir, &dir.join("ground-truth.dev.json")).unwrap();
    for _ in 0..2 {
        let t = Instant::now();
        let texts: Vec<String> = pages
            .iter()
            .map(|p| dyad_web::decode(&p.bytes, None).text)
            .collect();
        let t_dec = t.elapsed();
        let t = Instant::now();
        let docs: Vec<scraper::Html> = texts
            .iter()
            .map(|h| scraper::Html::parse_document(h))
            .collect();
        let t_parse_raw = t.elapsed();
        drop(docs);
        let t = Instant::now();
        for h in &texts {
            let _ = dyad_web::extract(h, None);
        }
        let t_ex = t.elapsed();
        println!(
            "decode {:?} parse(no prescan) {:?} extract {:?}",
            t_dec, t_parse_raw, t_ex
        );
    }
}
