//! Table definitions shared by both backends. Only column types that SQLite and PostgreSQL
//! both support are used; ids are `Text` (see `db::Id`).

diesel::table! {
    samenwerkingsverbanden (id) {
        id -> Text,
        naam -> Text,
        code -> Text,
        sector -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    gemeenten (id) {
        id -> Text,
        cbs_code -> Text,
        naam -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    schoolbesturen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        naam -> Text,
        bevoegd_gezag_nummer -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    werkgebieden (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        naam -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    scholen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        naam -> Text,
        brin -> Text,
        soort -> Text,
        schoolbestuur_id -> Text,
        gemeente_id -> Text,
        werkgebied_id -> Nullable<Text>,
        leerlingaantal -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    gebruikers (id) {
        id -> Text,
        samenwerkingsverband_id -> Nullable<Text>,
        email -> Text,
        naam -> Text,
        rol -> Text,
        actief -> Bool,
        wachtwoord_hash -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    clients (id) {
        id -> Text,
        samenwerkingsverband_id -> Nullable<Text>,
        naam -> Text,
        client_id -> Text,
        secret_hash -> Text,
        scopes -> Text,
        actief -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    client_gemeenten (client_id, gemeente_id) {
        client_id -> Text,
        gemeente_id -> Text,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        familie_id -> Text,
        gebruiker_id -> Text,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        sleutel -> Text,
        tijdstip -> Timestamp,
    }
}

diesel::joinable!(schoolbesturen -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(werkgebieden -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(scholen -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(scholen -> schoolbesturen (schoolbestuur_id));
diesel::joinable!(scholen -> gemeenten (gemeente_id));
diesel::joinable!(scholen -> werkgebieden (werkgebied_id));
diesel::joinable!(gebruikers -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(clients -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(client_gemeenten -> clients (client_id));
diesel::joinable!(client_gemeenten -> gemeenten (gemeente_id));
diesel::joinable!(refresh_tokens -> gebruikers (gebruiker_id));

diesel::allow_tables_to_appear_in_same_query!(
    samenwerkingsverbanden,
    gemeenten,
    schoolbesturen,
    werkgebieden,
    scholen,
    gebruikers,
    clients,
    client_gemeenten,
    refresh_tokens,
    login_failures,
);
