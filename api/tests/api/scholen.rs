use crate::common::{
    assert_etag_flow, assert_exports, assert_invalid, assert_list_paging, assert_org_roles,
    assert_other_swv_hidden, assert_problem, assert_sorted, gemeente, ids, schoolbestuur,
    werkgebied, TestApp,
};
use actix_web::http::Method;
use serde_json::{json, Value};

const SCHOLEN: &str = "/api/v1/scholen";

async fn create_and_read_school(app: TestApp) {
    let t = app.token("beheerder").await;
    let g = gemeente(&app, "0392", "Haarlem").await;
    let b = schoolbestuur(&app, &t, "Stichting Spaarnesant", "41590").await;
    let r = app
        .post("/api/v1/scholen", &t, json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": b, "gemeenteId": g, "leerlingaantal": 312}))
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap();
    assert_eq!(
        r.header("location").unwrap(),
        format!("/api/v1/scholen/{id}")
    );
    assert_eq!(r.header("etag").unwrap(), "\"1\"");
    let r = app.get(&format!("/api/v1/scholen/{id}"), &t).await;
    r.assert(200);
    assert_eq!(r.body["naam"], "De Zonnewijzer");
    assert_eq!(r.body["werkgebiedId"], serde_json::Value::Null);
}

/// The organisation a school refers to: two of everything in the main SWV, one in the other.
struct Org {
    t: String,
    g1: String,
    g2: String,
    b1: String,
    b2: String,
    w1: String,
    w2: String,
    other_t: String,
    other_b: String,
    other_w: String,
}

impl Org {
    async fn new(app: &TestApp) -> Org {
        let t = app.token("beheerder").await;
        let other_t = app.login(&app.other.beheerder).await;
        Org {
            g1: gemeente(app, "0392", "Haarlem").await,
            g2: gemeente(app, "0377", "Haarlemmermeer").await,
            b1: schoolbestuur(app, &t, "Stichting Spaarnesant", "41590").await,
            b2: schoolbestuur(app, &t, "Stichting Salomo", "41591").await,
            w1: werkgebied(app, &t, "Noord").await,
            w2: werkgebied(app, &t, "Zuid").await,
            other_b: schoolbestuur(app, &other_t, "Stichting Noord", "41590").await,
            other_w: werkgebied(app, &other_t, "Noord").await,
            t,
            other_t,
        }
    }

    /// A valid body with only the required fields.
    fn body(&self, naam: &str, brin: &str) -> Value {
        json!({"naam": naam, "brin": brin, "soort": "bao", "schoolbestuurId": self.b1, "gemeenteId": self.g1})
    }

    async fn school(&self, app: &TestApp, body: Value) -> String {
        let r = app.post(SCHOLEN, &self.t, body).await;
        r.assert(201);
        r.body["id"].as_str().unwrap().to_string()
    }
}

async fn crud(app: TestApp) {
    let o = Org::new(&app).await;
    let t = &o.t;
    let r = app
        .post(
            SCHOLEN,
            t,
            json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": o.b1, "gemeenteId": o.g1, "werkgebiedId": o.w1, "leerlingaantal": 312}),
        )
        .await;
    r.assert(201);
    let id = r.body["id"].as_str().unwrap().to_string();
    let item = format!("{SCHOLEN}/{id}");
    assert_eq!(r.header("location").as_deref(), Some(item.as_str()));
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    let created = r.body.clone();
    for (field, value) in [
        ("naam", json!("De Zonnewijzer")),
        ("brin", json!("12AB00")),
        ("soort", json!("bao")),
        ("schoolbestuurId", json!(o.b1)),
        ("gemeenteId", json!(o.g1)),
        ("werkgebiedId", json!(o.w1)),
        ("leerlingaantal", json!(312)),
        ("versie", json!(1)),
    ] {
        assert_eq!(created[field], value, "{field}");
    }
    let r = app.get(&item, t).await;
    r.assert(200);
    assert_eq!(r.body, created);
    assert_eq!(r.header("etag").as_deref(), Some("\"1\""));
    let r = app.get(SCHOLEN, t).await;
    r.assert(200);
    assert_eq!(
        r.body,
        json!({"items": [created], "page": 1, "pageSize": 50, "total": 1})
    );

    // PUT replaces every field.
    let put = json!({"naam": "De Zonnewijzer SBO", "brin": "12AB01", "soort": "sbo", "schoolbestuurId": o.b2, "gemeenteId": o.g2, "werkgebiedId": o.w2, "leerlingaantal": 0});
    let r = app.put(&item, t, put.clone()).await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"2\""));
    for (field, value) in put.as_object().unwrap() {
        assert_eq!(&r.body[field], value, "{field}");
    }
    assert_eq!(
        (r.body["versie"].clone(), r.body["id"].clone()),
        (json!(2), json!(id))
    );
    assert_eq!(r.body["createdAt"], created["createdAt"]);

    // A merge patch changes only what it names; null clears a nullable field.
    let r = app.patch(&item, t, json!({"leerlingaantal": null})).await;
    r.assert(200);
    assert_eq!(r.header("etag").as_deref(), Some("\"3\""));
    assert_eq!(r.body["leerlingaantal"], Value::Null);
    assert_eq!(r.body["werkgebiedId"], json!(o.w2));
    assert_eq!(
        (
            r.body["naam"].clone(),
            r.body["soort"].clone(),
            r.body["versie"].clone()
        ),
        (json!("De Zonnewijzer SBO"), json!("sbo"), json!(3))
    );
    let r = app
        .patch(
            &item,
            t,
            json!({"werkgebiedId": null, "naam": "De Zonnewijzer"}),
        )
        .await;
    r.assert(200);
    assert_eq!(
        (r.body["werkgebiedId"].clone(), r.body["naam"].clone()),
        (Value::Null, json!("De Zonnewijzer"))
    );
    assert_eq!(
        (r.body["brin"].clone(), r.body["gemeenteId"].clone()),
        (json!("12AB01"), json!(o.g2))
    );
    let r = app
        .patch(
            &item,
            t,
            json!({"werkgebiedId": o.w1, "leerlingaantal": 100000}),
        )
        .await;
    r.assert(200);
    assert_eq!(
        (
            r.body["werkgebiedId"].clone(),
            r.body["leerlingaantal"].clone(),
            r.body["versie"].clone()
        ),
        (json!(o.w1), json!(100000), json!(5))
    );
    assert_eq!(app.get(&item, t).await.body, r.body);
    // A PUT without the optional fields empties them.
    let r = app.put(&item, t, o.body("De Zonnewijzer", "12AB00")).await;
    r.assert(200);
    assert_eq!(
        (
            r.body["werkgebiedId"].clone(),
            r.body["leerlingaantal"].clone()
        ),
        (Value::Null, Value::Null)
    );

    app.delete(&item, t).await.assert(204);
    assert_problem(&app.get(&item, t).await, 404);
    assert_problem(&app.delete(&item, t).await, 404);
    assert_problem(&app.patch(&item, t, json!({"naam": "Terug"})).await, 404);
    assert_eq!(app.get(SCHOLEN, t).await.body["total"], 0);
}

async fn validation(app: TestApp) {
    let o = Org::new(&app).await;
    let t = &o.t;
    let with = |field: &str, value: Value| {
        let mut b = o.body("De Zonnewijzer", "12AB00");
        b[field] = value;
        b
    };
    let long = "x".repeat(201);
    for (field, value) in [
        ("naam", json!("")),
        ("naam", json!("  ")),
        ("naam", json!(long)),
        ("naam", json!(null)),
        ("naam", json!(7)),
        ("naam", json!("De\u{0000}Zon")),
        ("naam", json!("De\u{001f}Zon")),
        ("brin", json!("12ab00")),
        ("brin", json!("12AB0")),
        ("brin", json!("12AB000")),
        ("brin", json!("1AB00")),
        ("brin", json!("AB1200")),
        ("brin", json!("12ABC0")),
        ("brin", json!("12 AB")),
        ("brin", json!(" 12AB")),
        ("brin", json!("")),
        ("brin", json!(1234)),
        ("brin", json!("12AB\u{0007}")),
        ("soort", json!("basisschool")),
        ("soort", json!("BAO")),
        ("soort", json!("")),
        ("soort", json!(1)),
        ("soort", json!(null)),
        ("schoolbestuurId", json!("geen-uuid")),
        ("schoolbestuurId", json!(12)),
        ("schoolbestuurId", json!(null)),
        ("gemeenteId", json!("0392")),
        ("werkgebiedId", json!("noord")),
        ("werkgebiedId", json!(1)),
        ("leerlingaantal", json!(-1)),
        ("leerlingaantal", json!(100001)),
        ("leerlingaantal", json!(i64::from(i32::MAX) + 1)),
        ("leerlingaantal", json!("312")),
        ("leerlingaantal", json!(31.5)),
        ("leerlingaantal", json!(true)),
        ("locatie", json!("Noord")),
    ] {
        let r = app.post(SCHOLEN, t, with(field, value.clone())).await;
        assert_invalid(&r, field);
        assert!(!r.body.to_string().contains("SQL"), "{}", r.body);
    }
    // Every missing required field is reported at once, and so are unknown ones.
    let r = app
        .post(SCHOLEN, t, json!({"leerlingaantal": 10, "type": "bao"}))
        .await;
    assert_problem(&r, 400);
    let mut names = r.invalid();
    names.sort();
    assert_eq!(
        names,
        [
            "brin",
            "gemeenteId",
            "naam",
            "schoolbestuurId",
            "soort",
            "type"
        ]
    );
    assert_eq!(
        app.get(SCHOLEN, t).await.body["total"],
        0,
        "an invalid body created a record"
    );

    // The limits and every soort are accepted.
    for (i, soort) in ["bao", "sbo", "so", "vso", "vo", "ikc"].iter().enumerate() {
        let mut b = with("soort", json!(soort));
        b["brin"] = json!(format!("1{i}AB"));
        b["leerlingaantal"] = json!(if i % 2 == 0 { 0 } else { 100000 });
        b["naam"] = json!(if i == 0 {
            "x".repeat(200)
        } else {
            format!("School\t{i}")
        });
        let r = app.post(SCHOLEN, t, b).await;
        r.assert(201);
        assert_eq!(r.body["soort"], *soort);
    }

    // GET, change, PUT: read-only fields are ignored.
    let id = o.school(&app, o.body("De Zonnewijzer", "12AB00")).await;
    let item = format!("{SCHOLEN}/{id}");
    let mut doc = app.get(&item, t).await.body;
    doc["leerlingaantal"] = json!(250);
    doc["id"] = json!(uuid::Uuid::new_v4());
    doc["versie"] = json!(40);
    doc["updatedAt"] = json!("1999-01-01T00:00:00Z");
    let r = app.put(&item, t, doc).await;
    r.assert(200);
    assert_eq!(
        (
            r.body["id"].clone(),
            r.body["leerlingaantal"].clone(),
            r.body["versie"].clone()
        ),
        (json!(id), json!(250), json!(2))
    );
    assert_ne!(r.body["updatedAt"], "1999-01-01T00:00:00Z");
    let saved = r.body.clone();

    assert_invalid(
        &app.put(&item, t, with("brin", json!("12-AB"))).await,
        "brin",
    );
    assert_invalid(&app.patch(&item, t, json!({"brin": "ab12"})).await, "brin");
    assert_invalid(&app.patch(&item, t, json!({"soort": "pro"})).await, "soort");
    assert_invalid(
        &app.patch(&item, t, json!({"leerlingaantal": -5})).await,
        "leerlingaantal",
    );
    assert_invalid(&app.patch(&item, t, json!({"naam": null})).await, "naam");
    assert_invalid(
        &app.patch(&item, t, json!({"schoolbestuurId": null})).await,
        "schoolbestuurId",
    );
    assert_invalid(
        &app.patch(&item, t, json!({"naam": "Bel\u{0007}"})).await,
        "naam",
    );
    assert_invalid(
        &app.patch(&item, t, json!({"werkgebied": o.w1})).await,
        "werkgebied",
    );
    let r = app
        .request(
            Method::PATCH,
            &item,
            Some(t),
            Some(json!({"naam": "Nieuw"})),
            &[("content-type", "application/json")],
        )
        .await;
    assert_problem(&r, 415);
    assert_eq!(
        app.get(&item, t).await.body,
        saved,
        "a refused change altered the school"
    );
}

async fn references(app: TestApp) {
    let o = Org::new(&app).await;
    let t = &o.t;
    let missing = uuid::Uuid::new_v4().to_string();
    for (field, value) in [
        ("schoolbestuurId", &o.other_b),
        ("schoolbestuurId", &missing),
        ("schoolbestuurId", &o.w1),
        ("werkgebiedId", &o.other_w),
        ("werkgebiedId", &missing),
        ("werkgebiedId", &o.b1),
        ("gemeenteId", &missing),
        ("gemeenteId", &o.b1),
    ] {
        let mut b = o.body("De Zonnewijzer", "12AB00");
        b[field] = json!(value);
        let r = app.post(SCHOLEN, t, b).await;
        assert_problem(&r, 400);
        assert_eq!(r.invalid(), [field], "{}", r.body);
    }
    // All bad references are named at once.
    let mut b = o.body("De Zonnewijzer", "12AB00");
    b["schoolbestuurId"] = json!(o.other_b);
    b["werkgebiedId"] = json!(o.other_w);
    b["gemeenteId"] = json!(missing);
    let mut names = app.post(SCHOLEN, t, b).await.invalid();
    names.sort();
    assert_eq!(names, ["gemeenteId", "schoolbestuurId", "werkgebiedId"]);
    assert_eq!(
        app.get(SCHOLEN, t).await.body["total"],
        0,
        "a school with a bad reference was created"
    );
    assert_eq!(app.get(SCHOLEN, &o.other_t).await.body["total"], 0);

    // Nor can a change link a school across SWV's.
    let id = o.school(&app, o.body("De Zonnewijzer", "12AB00")).await;
    let item = format!("{SCHOLEN}/{id}");
    let before = app.get(&item, t).await.body;
    let mut b = o.body("De Zonnewijzer", "12AB00");
    b["werkgebiedId"] = json!(o.other_w);
    assert_eq!(app.put(&item, t, b).await.invalid(), ["werkgebiedId"]);
    assert_eq!(
        app.patch(&item, t, json!({"schoolbestuurId": o.other_b}))
            .await
            .invalid(),
        ["schoolbestuurId"]
    );
    assert_eq!(
        app.patch(&item, t, json!({"gemeenteId": missing}))
            .await
            .invalid(),
        ["gemeenteId"]
    );
    assert_eq!(app.get(&item, t).await.body, before);
    // The other SWV cannot use the main SWV's organisation either.
    let r = app
        .post(SCHOLEN, &o.other_t, json!({"naam": "X", "brin": "99ZZ", "soort": "vo", "schoolbestuurId": o.b1, "gemeenteId": o.g1, "werkgebiedId": o.w1}))
        .await;
    let mut names = r.invalid();
    names.sort();
    assert_eq!(names, ["schoolbestuurId", "werkgebiedId"]);
    // Gemeenten are shared: the other SWV may use the same one.
    let r = app
        .post(SCHOLEN, &o.other_t, json!({"naam": "X", "brin": "99ZZ", "soort": "vo", "schoolbestuurId": o.other_b, "gemeenteId": o.g1, "werkgebiedId": o.other_w}))
        .await;
    r.assert(201);
}

async fn uniqueness(app: TestApp) {
    let o = Org::new(&app).await;
    let t = &o.t;
    o.school(&app, o.body("De Zonnewijzer", "12AB00")).await;
    let r = app.post(SCHOLEN, t, o.body("Het Kompas", "12AB00")).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["brin"]);
    assert!(
        !r.body.to_string().to_lowercase().contains("unique"),
        "{}",
        r.body
    );
    // Another location of the same school and the bare BRIN are different values.
    o.school(&app, o.body("De Zonnewijzer dependance", "12AB01"))
        .await;
    let bare = o
        .school(&app, o.body("De Zonnewijzer bestuur", "12AB"))
        .await;
    // The other SWV may have a school with the same BRIN.
    let r = app
        .post(SCHOLEN, &o.other_t, json!({"naam": "De Zonnewijzer", "brin": "12AB00", "soort": "bao", "schoolbestuurId": o.other_b, "gemeenteId": o.g1}))
        .await;
    r.assert(201);
    let item = format!("{SCHOLEN}/{bare}");
    let r = app
        .put(&item, t, o.body("De Zonnewijzer bestuur", "12AB00"))
        .await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["brin"]);
    let r = app.patch(&item, t, json!({"brin": "12AB01"})).await;
    assert_problem(&r, 409);
    assert_eq!(r.invalid(), ["brin"]);
    let r = app.get(&item, t).await;
    assert_eq!(
        (r.body["brin"].clone(), r.body["versie"].clone()),
        (json!("12AB"), json!(1))
    );
    assert_eq!(app.get(SCHOLEN, t).await.body["total"], 3);
    // Same name, different BRIN: no conflict.
    o.school(&app, o.body("De Zonnewijzer", "34CD")).await;
}

async fn tenancy(app: TestApp) {
    let o = Org::new(&app).await;
    let r = app
        .post(SCHOLEN, &o.other_t, json!({"naam": "Noorderlicht", "brin": "77XY", "soort": "vo", "schoolbestuurId": o.other_b, "gemeenteId": o.g1, "werkgebiedId": o.other_w}))
        .await;
    r.assert(201);
    let theirs = r.body["id"].as_str().unwrap().to_string();
    let mine = o.school(&app, o.body("Zuiderlicht", "78XY")).await;
    assert_other_swv_hidden(&app, "scholen", &theirs, o.body("Overgenomen", "79XY")).await;
    // Filters and search never reach into the other SWV.
    for query in [
        format!("schoolbestuurId={}", o.other_b),
        format!("werkgebiedId={}", o.other_w),
        "q=noorderlicht".to_string(),
        "q=77xy".to_string(),
        "soort=vo".to_string(),
    ] {
        let r = app.get(&format!("{SCHOLEN}?{query}"), &o.t).await;
        r.assert(200);
        assert_eq!(r.body["total"], 0, "{query}");
    }
    let r = app
        .get(&format!("{SCHOLEN}?gemeenteId={}", o.g1), &o.t)
        .await;
    assert_eq!(ids(&r), [mine]);
}

async fn roles(app: TestApp) {
    let o = Org::new(&app).await;
    let id = o.school(&app, o.body("De Zonnewijzer", "12AB00")).await;
    assert_org_roles(&app, "scholen", &id, o.body("Het Kompas", "34CD")).await;
}

async fn etag(app: TestApp) {
    let o = Org::new(&app).await;
    let id = o.school(&app, o.body("De Zonnewijzer", "12AB00")).await;
    let mut put = o.body("De Zonnewijzer", "12AB00");
    put["leerlingaantal"] = json!(300);
    assert_etag_flow(&app, "scholen", &id, put, json!({"leerlingaantal": 301})).await;
}

/// Four schools that each field sorts differently, created in this order.
async fn four_schools(app: &TestApp, o: &Org) -> [String; 4] {
    let s = |naam: &str, brin: &str, soort: &str, b: &str, g: &str, w: Option<&str>, n: i32| json!({"naam": naam, "brin": brin, "soort": soort, "schoolbestuurId": b, "gemeenteId": g, "werkgebiedId": w, "leerlingaantal": n});
    [
        o.school(
            app,
            s("Het Kompas", "40KL", "so", &o.b1, &o.g1, Some(&o.w1), 90),
        )
        .await,
        o.school(app, s("De Akker", "10AB00", "vo", &o.b2, &o.g2, None, 800))
            .await,
        o.school(
            app,
            s(
                "Montessori 100% Wijs",
                "30CD01",
                "bao",
                &o.b1,
                &o.g2,
                Some(&o.w2),
                312,
            ),
        )
        .await,
        o.school(
            app,
            s("Op_Weg", "20EF", "sbo", &o.b2, &o.g1, Some(&o.w1), 150),
        )
        .await,
    ]
}

async fn lists(app: TestApp) {
    let o = Org::new(&app).await;
    let t = &o.t;
    let [s1, s2, s3, s4] = four_schools(&app, &o).await;
    app.patch(
        &format!("{SCHOLEN}/{s2}"),
        t,
        json!({"leerlingaantal": 800}),
    )
    .await
    .assert(200);
    assert_list_paging(&app, "scholen", 4).await;
    let v = |x: &[&String]| x.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        ids(&app.get(SCHOLEN, t).await),
        v(&[&s2, &s1, &s3, &s4]),
        "default sort is naam"
    );
    for (field, asc) in [
        ("naam", v(&[&s2, &s1, &s3, &s4])),
        ("brin", v(&[&s2, &s4, &s3, &s1])),
        ("soort", v(&[&s3, &s4, &s1, &s2])),
        ("leerlingaantal", v(&[&s1, &s4, &s3, &s2])),
        ("createdAt", v(&[&s1, &s2, &s3, &s4])),
        ("updatedAt", v(&[&s1, &s3, &s4, &s2])),
    ] {
        assert_sorted(&app, t, "scholen", field, &asc).await;
    }
    assert_invalid(
        &app.get(&format!("{SCHOLEN}?sort=schoolbestuurId"), t).await,
        "sort",
    );

    let missing = uuid::Uuid::new_v4();
    for (query, expected) in [
        ("soort=bao".to_string(), v(&[&s3])),
        ("soort=vo".to_string(), v(&[&s2])),
        ("soort=ikc".to_string(), v(&[])),
        (format!("schoolbestuurId={}", o.b1), v(&[&s1, &s3])),
        (format!("schoolbestuurId={}", o.b2), v(&[&s2, &s4])),
        (format!("gemeenteId={}", o.g1), v(&[&s1, &s4])),
        (format!("gemeenteId={}", o.g2), v(&[&s2, &s3])),
        (format!("werkgebiedId={}", o.w1), v(&[&s1, &s4])),
        (format!("werkgebiedId={}", o.w2), v(&[&s3])),
        (format!("werkgebiedId={missing}"), v(&[])),
        (
            format!("schoolbestuurId={}&gemeenteId={}", o.b2, o.g1),
            v(&[&s4]),
        ),
        (
            format!("soort=sbo&werkgebiedId={}&sort=-naam", o.w1),
            v(&[&s4]),
        ),
        (
            format!("gemeenteId={}&sort=-leerlingaantal&pageSize=1", o.g1),
            v(&[&s4]),
        ),
        ("q=kompas".to_string(), v(&[&s1])),
        ("q=AKKER".to_string(), v(&[&s2])),
        ("q=de".to_string(), v(&[&s2])),
        ("q=10ab".to_string(), v(&[&s2])),
        ("q=0".to_string(), v(&[&s2, &s1, &s3, &s4])),
        ("q=%25".to_string(), v(&[&s3])),
        ("q=_".to_string(), v(&[&s4])),
        ("q=p_w".to_string(), v(&[&s4])),
        ("q=0%25%20w".to_string(), v(&[&s3])),
        ("q=t%25k".to_string(), v(&[])),
        ("q=%20%20kompas%20".to_string(), v(&[&s1])),
    ] {
        let r = app.get(&format!("{SCHOLEN}?{query}"), t).await;
        r.assert(200);
        assert_eq!(ids(&r), expected, "{query}");
        if !query.contains("pageSize") {
            assert_eq!(r.body["total"], expected.len(), "{query}");
        }
    }
    let r = app
        .get(&format!("{SCHOLEN}?gemeenteId={}&pageSize=1", o.g1), t)
        .await;
    assert_eq!(r.body["total"], 2);
    for (query, field) in [
        ("soort=basis", "soort"),
        ("soort=BAO", "soort"),
        ("soort=", "soort"),
        ("schoolbestuurId=123", "schoolbestuurId"),
        ("gemeenteId=0392", "gemeenteId"),
        ("werkgebiedId=noord", "werkgebiedId"),
        ("werkgebiedId=", "werkgebiedId"),
        ("brin=12AB00", "brin"),
        ("leerlingaantal=312", "leerlingaantal"),
    ] {
        assert_invalid(&app.get(&format!("{SCHOLEN}?{query}"), t).await, field);
    }
    // Several problems are reported together.
    let mut names = app
        .get(&format!("{SCHOLEN}?soort=x&pageSize=0&foo=1"), t)
        .await
        .invalid();
    names.sort();
    assert_eq!(names, ["foo", "pageSize", "soort"]);
}

async fn exports(app: TestApp) {
    let o = Org::new(&app).await;
    let [s1, s2, s3, s4] = four_schools(&app, &o).await;
    app.post(SCHOLEN, &o.other_t, json!({"naam": "Noorderlicht", "brin": "77XY", "soort": "vo", "schoolbestuurId": o.other_b, "gemeenteId": o.g1}))
        .await
        .assert(201);
    let header = "id;naam;brin;soort;schoolbestuurId;gemeenteId;werkgebiedId;leerlingaantal;consulentId;createdAt;updatedAt;versie";
    let rows = assert_exports(
        &app,
        "scholen",
        "pageSize=1",
        &[s2.clone(), s1.clone(), s3.clone(), s4.clone()],
        header,
    )
    .await;
    let d = app.get(&format!("{SCHOLEN}/{s2}"), &o.t).await.body;
    assert_eq!(
        rows[0],
        format!(
            "{s2};De Akker;10AB00;vo;{};{};;800;;{};{};1",
            o.b2,
            o.g2,
            d["createdAt"].as_str().unwrap(),
            d["updatedAt"].as_str().unwrap()
        )
    );
    assert_exports(
        &app,
        "scholen",
        &format!("schoolbestuurId={}&pageSize=1&page=2", o.b1),
        &[s1.clone(), s3.clone()],
        header,
    )
    .await;
    assert_exports(
        &app,
        "scholen",
        "soort=sbo",
        std::slice::from_ref(&s4),
        header,
    )
    .await;
    assert_exports(&app, "scholen", "soort=ikc", &[], header).await;
    assert_exports(
        &app,
        "scholen",
        "sort=-leerlingaantal&q=o",
        &[s3, s4, s1],
        header,
    )
    .await;
    let r = app
        .request(
            Method::GET,
            &format!("{SCHOLEN}?soort=basis"),
            Some(&o.t),
            None,
            &[("accept", "text/csv")],
        )
        .await;
    assert_invalid(&r, "soort");
}

both_backends!(
    create_and_read_school,
    crud,
    validation,
    references,
    uniqueness,
    tenancy,
    roles,
    etag,
    lists,
    exports
);
