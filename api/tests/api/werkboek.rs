//! The XLSX export is for people: Dutch headers, names instead of referenced ids, labels
//! instead of codes, real Excel dates on Amsterdam's clock. CSV stays the machine format.

use calamine::{Data, Reader, Xlsx};
use serde_json::json;

use crate::common::{served_gemeente, TestApp, XLSX};

both_backends!(an_xlsx_export_reads_like_a_report);

/// The first sheet as rows of cells.
fn sheet(raw: &[u8]) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(raw.to_vec())).expect("a workbook");
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

fn column(rows: &[Vec<Data>], header: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| *h == header)
        .unwrap_or_else(|| panic!("no column {header} in {:?}", rows[0]))
}

async fn an_xlsx_export_reads_like_a_report(app: TestApp) {
    served_gemeente(&app, "0392", "Haarlem").await;
    let t = app.token("beheerder").await;
    let r = app
        .request(
            actix_web::http::Method::GET,
            "/api/v1/scholen",
            Some(&t),
            None,
            &[("accept", XLSX)],
        )
        .await;
    r.assert(200);
    let rows = sheet(&r.raw);
    let headers: Vec<String> = rows[0].iter().map(|h| h.to_string()).collect();
    assert!(headers.contains(&"Naam".to_string()), "{headers:?}");
    assert!(headers.contains(&"BRIN".to_string()));
    assert!(
        !headers
            .iter()
            .any(|h| h.ends_with("Id") && h != "Id" || h == "Versie"),
        "{headers:?}"
    );
    assert_eq!(headers.last().unwrap(), "Id", "the record's own id last");
    // The referenced gemeente and board by name, the kind of school by its label.
    let school = &rows[1];
    assert_eq!(school[column(&rows, "Gemeente")].to_string(), "Haarlem");
    assert_eq!(
        school[column(&rows, "Schoolbestuur")].to_string(),
        "Bestuur Haarlem"
    );
    assert_eq!(school[column(&rows, "Soort")].to_string(), "Bao");
    assert!(matches!(
        school[column(&rows, "Aangemaakt")],
        Data::DateTime(_)
    ));

    // A meeting: its kind as a label, its start as a local Excel date and time.
    let c = app.token("consulent").await;
    app.post(
        "/api/v1/bijeenkomsten",
        &c,
        json!({"titel": "IB-netwerk Noord", "soort": "ib_netwerk", "start": "2031-03-11T13:00:00Z",
            "eind": "2031-03-11T15:30:00Z", "publiek": true}),
    )
    .await
    .assert(201);
    let r = app
        .request(
            actix_web::http::Method::GET,
            "/api/v1/bijeenkomsten",
            Some(&c),
            None,
            &[("accept", XLSX)],
        )
        .await;
    let rows = sheet(&r.raw);
    let m = &rows[1];
    assert_eq!(m[column(&rows, "Soort")].to_string(), "IB netwerk");
    assert_eq!(m[column(&rows, "Publiek")].to_string(), "ja");
    let Data::DateTime(start) = &m[column(&rows, "Start")] else {
        panic!("start is no date: {:?}", m[column(&rows, "Start")]);
    };
    let (y, mo, d, h, mi, _, _) = start.to_ymd_hms_milli();
    assert_eq!((y, mo, d, h, mi), (2031, 3, 11, 14, 0), "Amsterdam's clock");

    // CSV keeps the contract's machine format.
    let r = app
        .request(
            actix_web::http::Method::GET,
            "/api/v1/bijeenkomsten",
            Some(&c),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    let csv = String::from_utf8_lossy(&r.raw).to_string();
    assert!(csv.contains(";ib_netwerk;") && csv.contains("2031-03-11T13:00:00Z"));
}
