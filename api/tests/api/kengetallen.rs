//! Ken- en stuurgetallen: KPIs with their targets, values entered per school year, and the
//! overview of a year measured from what the areas registered (the demo's KPIs of PO
//! Zuid-Kennemerland), as JSON, Word and a spreadsheet.

use std::io::Read;

use actix_web::http::Method;
use serde_json::{json, Value};

use crate::common::{assert_invalid, assert_problem, Resp, TestApp};

fn id_of(r: &Resp) -> String {
    r.assert(201);
    r.body["id"].as_str().unwrap().to_string()
}

fn handmatig() -> Value {
    json!({"naam": "Zorgmiddelen per leerling", "eenheid": "euro", "richting": "minimaal",
           "streefwaarde": 37500, "bron": "handmatig", "volgorde": 1})
}

async fn crud_and_values(app: TestApp) {
    let t = app.token("beheerder").await;
    let k = id_of(&app.post("/api/v1/kengetallen", &t, handmatig()).await);
    let item = format!("/api/v1/kengetallen/{k}");
    let r = app.get(&item, &t).await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    assert_eq!(r.body["streefwaarde"], 37500.0);
    assert!(r.body.get("bijeenkomstSoort").is_none(), "{}", r.body);
    let r = app
        .patch(
            &item,
            &t,
            json!({"naam": "Ondersteuningsmiddelen per leerling"}),
        )
        .await;
    r.assert(200);
    assert_eq!(r.body["versie"], 2);

    // Values per school year: one per year.
    let waarden = format!("{item}/waarden");
    let w = id_of(
        &app.post(
            &waarden,
            &t,
            json!({"schooljaar": "2022-2023", "waarde": 37500, "toelichting": "Begroting"}),
        )
        .await,
    );
    let r = app
        .post(
            &waarden,
            &t,
            json!({"schooljaar": "2022-2023", "waarde": 40000}),
        )
        .await;
    assert_problem(&r, 409);
    assert!(
        r.invalid().contains(&"schooljaar".to_string()),
        "{}",
        r.body
    );
    let w2 = id_of(
        &app.post(
            &waarden,
            &t,
            json!({"schooljaar": "2021-2022", "waarde": 35000}),
        )
        .await,
    );
    let r = app
        .put(
            &format!("{waarden}/{w2}"),
            &t,
            json!({"schooljaar": "2022-2023", "waarde": 35000}),
        )
        .await;
    assert_problem(&r, 409);
    let r = app.get(&format!("{waarden}?sort=schooljaar"), &t).await;
    r.assert(200);
    assert_eq!(r.body["total"], 2);
    assert_eq!(r.body["items"][0]["schooljaar"], "2021-2022");
    assert_invalid(
        &app.post(&waarden, &t, json!({"schooljaar": "2022"})).await,
        "schooljaar",
    );
    let r = app.get(&format!("{waarden}/{w}"), &t).await;
    r.assert(200);
    assert_eq!(r.body["waarde"], 37500.0);

    // Every user of the SWV reads; only the beheerder writes.
    for rol in ["consulent", "medewerker", "lezer"] {
        let other = app.token(rol).await;
        app.get(&item, &other).await.assert(200);
        app.get("/api/v1/kengetallen/overzicht?schooljaar=2022-2023", &other)
            .await
            .assert(200);
        assert_problem(
            &app.post("/api/v1/kengetallen", &other, handmatig()).await,
            403,
        );
        assert_problem(
            &app.post(&waarden, &other, json!({"schooljaar": "2020-2021"}))
                .await,
            403,
        );
    }
    let platform = app.login(&app.platform.clone()).await;
    assert_problem(&app.get("/api/v1/kengetallen", &platform).await, 403);
    // Another SWV sees nothing of it.
    let other = app.login(&app.other.beheerder.clone()).await;
    assert_problem(&app.get(&item, &other).await, 404);
    assert_problem(&app.get(&waarden, &other).await, 404);

    // The KPI goes with its values.
    app.delete(&item, &t).await.assert(204);
    assert_problem(&app.get(&format!("{waarden}/{w}"), &t).await, 404);
}

async fn invalid_bodies_name_their_field(app: TestApp) {
    let t = app.token("beheerder").await;
    let meeting = json!({"naam": "Opkomst IB-netwerken", "eenheid": "percentage", "richting": "minimaal",
                         "streefwaarde": 60.1, "bron": "opkomst_doelgroep_percentage"});
    assert_invalid(
        &app.post("/api/v1/kengetallen", &t, meeting.clone()).await,
        "bijeenkomstSoort",
    );
    let mut b = handmatig();
    b["bijeenkomstSoort"] = json!("ib_netwerk");
    assert_invalid(
        &app.post("/api/v1/kengetallen", &t, b).await,
        "bijeenkomstSoort",
    );
    let mut b = meeting.clone();
    b["bijeenkomstSoort"] = json!("ib_netwerk");
    b["eenheid"] = json!("aantal");
    assert_invalid(&app.post("/api/v1/kengetallen", &t, b).await, "eenheid");
    let mut b = meeting.clone();
    b["bijeenkomstSoort"] = json!("ib_netwerk");
    b["streefwaarde"] = json!(120);
    assert_invalid(
        &app.post("/api/v1/kengetallen", &t, b).await,
        "streefwaarde",
    );
    for (field, value) in [
        ("naam", json!(" ")),
        ("eenheid", json!("liter")),
        ("richting", json!("ongeveer")),
        ("bron", json!("onbekend")),
        ("streefwaarde", json!(-1)),
    ] {
        let mut b = handmatig();
        b[field] = value;
        assert_invalid(&app.post("/api/v1/kengetallen", &t, b).await, field);
    }
    let mut b = handmatig();
    b.as_object_mut().unwrap().remove("streefwaarde");
    assert_invalid(
        &app.post("/api/v1/kengetallen", &t, b).await,
        "streefwaarde",
    );

    // A computed KPI takes a toelichting per year, never a value.
    let mut b = meeting.clone();
    b["bijeenkomstSoort"] = json!("ib_netwerk");
    let k = id_of(&app.post("/api/v1/kengetallen", &t, b).await);
    let waarden = format!("/api/v1/kengetallen/{k}/waarden");
    assert_invalid(
        &app.post(
            &waarden,
            &t,
            json!({"schooljaar": "2022-2023", "waarde": 70}),
        )
        .await,
        "waarde",
    );
    id_of(
        &app.post(
            &waarden,
            &t,
            json!({"schooljaar": "2022-2023", "toelichting": "Nieuwe opzet"}),
        )
        .await,
    );
    // A KPI with entered values stays entered by hand.
    let h = id_of(&app.post("/api/v1/kengetallen", &t, handmatig()).await);
    id_of(
        &app.post(
            &format!("/api/v1/kengetallen/{h}/waarden"),
            &t,
            json!({"schooljaar": "2022-2023", "waarde": 37500}),
        )
        .await,
    );
    let r = app
        .patch(
            &format!("/api/v1/kengetallen/{h}"),
            &t,
            json!({"bron": "mdo_totaal", "eenheid": "aantal"}),
        )
        .await;
    assert_invalid(&r, "bron");

    // The overview's school year.
    for q in ["", "?schooljaar=2022", "?schooljaar=2022-2024"] {
        assert_invalid(
            &app.get(&format!("/api/v1/kengetallen/overzicht{q}"), &t)
                .await,
            "schooljaar",
        );
    }
    let r = app
        .request(
            Method::GET,
            "/api/v1/kengetallen/overzicht?schooljaar=2022-2023",
            Some(&t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    assert_problem(&r, 406);
}

fn kpi<'a>(o: &'a Value, naam: &str) -> &'a Value {
    o["kengetallen"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["naam"] == naam)
        .unwrap_or_else(|| panic!("no KPI {naam} in {o}"))
}

/// The seed's KPIs of 2022-2023 on the demo, each with its value and signal.
async fn the_demo_overview_of_2022_2023(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    koers::demo::load(&app.state.db).expect("loads twice");
    let t = app.demo_login("lezer@swv-zk.example").await;
    let r = app
        .get("/api/v1/kengetallen/overzicht?schooljaar=2022-2023", &t)
        .await;
    r.assert(200);
    let o = &r.body;
    assert_eq!(o["schooljaar"], "2022-2023");
    let namen: Vec<&str> = o["kengetallen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["naam"].as_str().unwrap())
        .collect();
    assert_eq!(
        namen,
        [
            "Zorgmiddelen per leerling",
            "Deelname GO",
            "Thuiszitters gemiddeld op peildatum",
            "Opkomst IB-netwerken",
            "Opkomst directienetwerk",
            "Opkomst gebiedsgesprekken",
            "Groot Netwerk: deelnemers",
        ],
        "in volgorde"
    );
    let stand = |naam: &str| {
        let k = kpi(o, naam);
        (k["waarde"].clone(), k["signaal"].clone())
    };
    assert_eq!(
        stand("Zorgmiddelen per leerling"),
        (json!(37500.0), json!("op_koers"))
    );
    assert!(kpi(o, "Zorgmiddelen per leerling")["toelichting"]
        .as_str()
        .unwrap()
        .contains("€ 400"));
    // 753 of 19,864 pupils at the special schools: 3.79 %.
    assert_eq!(stand("Deelname GO"), (json!(3.8), json!("risico")));
    assert_eq!(
        kpi(o, "Deelname GO")["trend"],
        json!([null, null, null, null]),
        "today's counts have no history"
    );
    // The seed's 17, up to 15 March 2023 and over the whole school year alike.
    assert_eq!(
        stand("Thuiszitters gemiddeld op peildatum"),
        (json!(17.0), json!("risico"))
    );
    // Unknown before the first case; 2020-2021's 1.5 rests on one or two children, which a
    // lezer does not get and the beheerder does.
    assert_eq!(
        kpi(o, "Thuiszitters gemiddeld op peildatum")["trend"],
        json!([null, null, null, 14.0]),
    );
    let b = app.demo_login("beheer@swv-zk.example").await;
    let exact = app
        .get("/api/v1/kengetallen/overzicht?schooljaar=2022-2023", &b)
        .await;
    assert_eq!(
        kpi(&exact.body, "Thuiszitters gemiddeld op peildatum")["trend"],
        json!([null, null, 1.5, 14.0]),
    );
    // 45, 46 and 21 of 70 IB'ers: 53.3 % against more than 60 %.
    assert_eq!(
        stand("Opkomst IB-netwerken"),
        (json!(53.3), json!("risico"))
    );
    // 75 of 94 directors against more than half; 76 of 95 the year before.
    assert_eq!(
        stand("Opkomst directienetwerk"),
        (json!(79.8), json!("op_koers"))
    );
    assert_eq!(
        kpi(o, "Opkomst directienetwerk")["trend"],
        json!([null, null, null, 80.0])
    );
    // 24/28, 19/22 and 23/26 against 90 %: within a tenth of it.
    assert_eq!(
        stand("Opkomst gebiedsgesprekken"),
        (json!(86.8), json!("aandacht"))
    );
    assert_eq!(
        kpi(o, "Opkomst gebiedsgesprekken")["trend"],
        json!([null, null, null, 77.0])
    );
    assert_eq!(
        stand("Groot Netwerk: deelnemers"),
        (json!(180.0), json!("op_koers"))
    );
    assert_eq!(
        kpi(o, "Groot Netwerk: deelnemers")["bijeenkomstSoort"],
        "groot_netwerk"
    );

    // A year without data: values null, no signal, and this year's figures in its trend.
    let r = app
        .get("/api/v1/kengetallen/overzicht?schooljaar=2023-2024", &t)
        .await;
    r.assert(200);
    let k = kpi(&r.body, "Groot Netwerk: deelnemers");
    assert_eq!(
        (k["waarde"].clone(), k["signaal"].clone()),
        (json!(null), json!(null))
    );
    assert_eq!(k["trend"], json!([null, null, null, 180.0]));
    assert_eq!(
        kpi(&r.body, "Zorgmiddelen per leerling")["trend"],
        json!([null, null, null, 37500.0])
    );
}

/// The overview for the board: a Word document and a spreadsheet, both readable.
async fn the_overview_as_docx_and_xlsx(app: TestApp) {
    koers::demo::load(&app.state.db).expect("demo loads");
    let t = app.demo_login("beheer@swv-zk.example").await;
    let path = "/api/v1/kengetallen/overzicht?schooljaar=2022-2023";
    let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    let r = app
        .request(Method::GET, path, Some(&t), None, &[("accept", docx)])
        .await;
    r.assert(200);
    assert_eq!(r.header("content-type").as_deref(), Some(docx));
    assert!(r
        .header("content-disposition")
        .unwrap()
        .contains("kengetallen-2022-2023.docx"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(r.raw.clone())).expect("a DOCX");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    for text in [
        "Ken- en stuurgetallen 2022-2023",
        // The harness's SWV with code PO2703, which the demo fills.
        "SWV Test Zuid",
        "Groot Netwerk: deelnemers",
        "≥ 151",
        "3,8 %",
        "€ 375",
        "Op koers",
        "Risico",
    ] {
        assert!(xml.contains(text), "{text} in the document");
    }

    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let r = app
        .request(Method::GET, path, Some(&t), None, &[("accept", xlsx)])
        .await;
    r.assert(200);
    assert!(r
        .header("content-disposition")
        .unwrap()
        .contains("kengetallen-2022-2023.xlsx"));
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(r.raw.clone())).expect("an XLSX");
    let sheet = book.worksheet_range("Kengetallen").expect("the sheet");
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[0][0], "Kengetal");
    assert_eq!(rows[0][4], "Waarde");
    assert_eq!(rows[0][6], "2018-2019");
    assert_eq!(rows.len(), 8, "a header and seven KPIs");
    let zorg = rows
        .iter()
        .find(|r| r[0] == "Zorgmiddelen per leerling")
        .unwrap();
    assert_eq!(zorg[4], "375", "euro's, not cents");
    let groot = rows
        .iter()
        .find(|r| r[0] == "Groot Netwerk: deelnemers")
        .unwrap();
    assert_eq!((groot[4].as_str(), groot[5].as_str()), ("180", "Op koers"));
}

both_backends!(
    crud_and_values,
    invalid_bodies_name_their_field,
    the_demo_overview_of_2022_2023,
    the_overview_as_docx_and_xlsx,
);
