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
        bewaartermijn_jaren -> Integer,
        beslistermijn_dagen -> Integer,
        peildata -> Text,
        minimum_schoolcontacten -> Integer,
        kleur -> Nullable<Text>,
        logo -> Nullable<Text>,
        logo_type -> Nullable<Text>,
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
        actief_tot -> Nullable<Date>,
        opgevolgd_door_id -> Nullable<Text>,
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
        consulent_id -> Nullable<Text>,
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
    client_schoolbesturen (client_id, schoolbestuur_id) {
        client_id -> Text,
        schoolbestuur_id -> Text,
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

diesel::table! {
    ondersteuningsplannen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        titel -> Text,
        van_jaar -> Integer,
        tot_jaar -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    ambities (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        ondersteuningsplan_id -> Text,
        nummer -> Integer,
        titel -> Text,
        doelstelling -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    activiteitenplannen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        ondersteuningsplan_id -> Text,
        schooljaar -> Text,
        status -> Text,
        vooruitblik -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    portefeuilles (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        naam -> Text,
        omschrijving -> Nullable<Text>,
        jaarplan -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    portefeuille_eigenaren (portefeuille_id, gebruiker_id) {
        portefeuille_id -> Text,
        gebruiker_id -> Text,
    }
}

diesel::table! {
    portefeuille_ambities (portefeuille_id, ambitie_id) {
        portefeuille_id -> Text,
        ambitie_id -> Text,
    }
}

diesel::table! {
    projecten (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        naam -> Text,
        omschrijving -> Nullable<Text>,
        portefeuille_id -> Nullable<Text>,
        status -> Text,
        startdatum -> Nullable<Date>,
        einddatum -> Nullable<Date>,
        partner -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    project_ambities (project_id, ambitie_id) {
        project_id -> Text,
        ambitie_id -> Text,
    }
}

diesel::table! {
    project_scholen (project_id, school_id) {
        project_id -> Text,
        school_id -> Text,
    }
}

diesel::table! {
    project_financiering (project_id, positie) {
        project_id -> Text,
        positie -> Integer,
        bron -> Text,
        bedrag_cent -> BigInt,
    }
}

diesel::table! {
    voortgangsverslagen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        project_id -> Text,
        datum -> Date,
        toelichting -> Text,
        signaal -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    activiteiten (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        activiteitenplan_id -> Text,
        ambitie_id -> Text,
        omschrijving -> Text,
        soort -> Text,
        portefeuille_id -> Nullable<Text>,
        project_id -> Nullable<Text>,
        streefwaarde -> Nullable<Text>,
        verantwoordelijke_id -> Nullable<Text>,
        herkomst_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
        streef_richting -> Nullable<Text>,
        streef_waarde -> Nullable<Double>,
        streef_eenheid -> Nullable<Text>,
    }
}

diesel::table! {
    evaluaties (activiteit_id) {
        activiteit_id -> Text,
        samenwerkingsverband_id -> Text,
        status -> Text,
        toelichting -> Nullable<Text>,
        resultaat -> Nullable<Double>,
        signaal -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    bijeenkomsten (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        titel -> Text,
        omschrijving -> Nullable<Text>,
        soort -> Text,
        start -> Timestamp,
        eind -> Timestamp,
        schooljaar -> Text,
        vorm -> Text,
        locatie -> Nullable<Text>,
        min_deelnemers -> Nullable<Integer>,
        max_deelnemers -> Nullable<Integer>,
        streef_opkomst -> Nullable<Integer>,
        streef_percentage -> Nullable<Double>,
        doelgroep_omvang -> Nullable<Integer>,
        activiteit_id -> Nullable<Text>,
        project_id -> Nullable<Text>,
        portefeuille_id -> Nullable<Text>,
        status -> Text,
        publiek -> Bool,
        public_id -> Text,
        aanmelden_tot -> Nullable<Timestamp>,
        reeks_id -> Nullable<Text>,
        volgnummer -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
        herinnering_uren_vooraf -> Nullable<Integer>,
        herinnering_verstuurd_op -> Nullable<Timestamp>,
    }
}

diesel::table! {
    aanmeldingen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        bijeenkomst_id -> Text,
        naam -> Text,
        email -> Text,
        email_sleutel -> Text,
        school_id -> Nullable<Text>,
        functie -> Text,
        status -> Text,
        aanwezig -> Nullable<Bool>,
        positie -> BigInt,
        bron -> Text,
        annuleer_sleutel -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    leerlingen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        referentie -> Text,
        geboortemaand -> Text,
        geslacht -> Text,
        woongemeente_id -> Text,
        school_id -> Nullable<Text>,
        leerjaar -> Nullable<Integer>,
        geanonimiseerd -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    auditregels (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        tijdstip -> Timestamp,
        gebruiker_id -> Text,
        actie -> Text,
        pad -> Text,
    }
}

diesel::table! {
    auditregel_leerlingen (auditregel_id, leerling_id) {
        auditregel_id -> Text,
        leerling_id -> Text,
    }
}

diesel::table! {
    arrangementen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        soort -> Text,
        leerling_id -> Nullable<Text>,
        aantal_leerlingen -> Nullable<Integer>,
        school_id -> Text,
        werkgebied_id -> Nullable<Text>,
        verlenging_van_id -> Nullable<Text>,
        categorie -> Text,
        ondersteuningsniveau -> Integer,
        leerjaar -> Nullable<Integer>,
        startdatum -> Date,
        einddatum -> Date,
        uren_per_week -> Nullable<Double>,
        bedrag_cent -> BigInt,
        status -> Text,
        toegekend_op -> Nullable<Date>,
        toelichting -> Text,
        schooljaar -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    budgetten (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        werkgebied_id -> Text,
        schooljaar -> Text,
        soort -> Text,
        bedrag_cent -> BigInt,
        datum -> Date,
        toelichting -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    monitor_tussenstanden (samenwerkingsverband_id, schooljaar, indeling) {
        samenwerkingsverband_id -> Text,
        schooljaar -> Text,
        indeling -> Text,
        vandaag -> Date,
        ruw -> Text,
    }
}

diesel::table! {
    mdos (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        datum -> Date,
        school_id -> Text,
        leerling_id -> Nullable<Text>,
        ondersteuningsniveau -> Integer,
        consulent_aanwezig -> Bool,
        uitkomst -> Text,
        schooljaar -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    tlvs (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        leerling_id -> Text,
        school_van_herkomst_id -> Nullable<Text>,
        soort -> Text,
        categorie -> Nullable<Text>,
        aanvraag -> Text,
        verlenging_van_id -> Nullable<Text>,
        tijdelijk -> Bool,
        ontvangen_op -> Date,
        verdaging_dagen -> Integer,
        verdaging_reden -> Text,
        status -> Text,
        termijn_vanaf -> Date,
        uiterlijke_beslisdatum -> Nullable<Date>,
        resterend_bij_opschorting -> Nullable<Integer>,
        besluit_datum -> Nullable<Date>,
        besluit_verzonden_op -> Nullable<Date>,
        besluit_uitkomst -> Nullable<Text>,
        ingangsdatum -> Nullable<Date>,
        einddatum -> Nullable<Date>,
        voorziening_school_id -> Nullable<Text>,
        motivering -> Text,
        uitstroom_datum -> Nullable<Date>,
        uitstroom_vervolg -> Nullable<Text>,
        schooljaar -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    tlv_bezwaren (tlv_id) {
        tlv_id -> Text,
        ontvangen_op -> Date,
        verschoonbaar -> Bool,
        advies_lbt -> Nullable<Text>,
        uitkomst -> Nullable<Text>,
        beslist_op -> Nullable<Date>,
    }
}

diesel::table! {
    tlv_adviezen (id) {
        id -> Text,
        tlv_id -> Text,
        deskundige -> Text,
        discipline -> Text,
        datum -> Date,
        advies -> Text,
        toelichting -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    tlv_opschortingen (id) {
        id -> Text,
        tlv_id -> Text,
        van -> Date,
        tot -> Nullable<Date>,
        reden -> Text,
        toelichting -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    tlv_eerdere_besluiten (id) {
        id -> Text,
        tlv_id -> Text,
        besluit_datum -> Date,
        besluit_verzonden_op -> Date,
        besluit_uitkomst -> Text,
        ingangsdatum -> Nullable<Date>,
        einddatum -> Nullable<Date>,
        voorziening_school_id -> Nullable<Text>,
        motivering -> Text,
        bezwaar_ontvangen_op -> Date,
        bezwaar_verschoonbaar -> Bool,
        bezwaar_advies_lbt -> Nullable<Text>,
        bezwaar_uitkomst -> Text,
        bezwaar_beslist_op -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    thuiszitters (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        leerling_id -> Text,
        school_id -> Nullable<Text>,
        startdatum -> Date,
        einddatum -> Nullable<Date>,
        eindreden -> Nullable<Text>,
        toelichting -> Text,
        laatste_categorie -> Text,
        laatste_perspectief -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    thuiszitter_verloop (id) {
        id -> Text,
        thuiszitter_id -> Text,
        vanaf -> Date,
        categorie -> Text,
        scenario -> Nullable<Text>,
        screening5a -> Bool,
        perspectief -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    thuiszitter_peildata (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        datum -> Date,
        vastgesteld_op -> Timestamp,
        vastgesteld_door_id -> Text,
        telling -> Text,
    }
}

diesel::table! {
    schoolcontacten (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        school_id -> Text,
        datum -> Date,
        soort -> Text,
        consulent_id -> Text,
        onderwerp -> Text,
        signaal -> Nullable<Text>,
        vervolg_op -> Nullable<Date>,
        vervolg_gedaan -> Bool,
        schooljaar -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    kengetallen (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        naam -> Text,
        eenheid -> Text,
        richting -> Text,
        streefwaarde -> Double,
        bron -> Text,
        bijeenkomst_soort -> Nullable<Text>,
        volgorde -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    kengetal_waarden (id) {
        id -> Text,
        samenwerkingsverband_id -> Text,
        kengetal_id -> Text,
        schooljaar -> Text,
        waarde -> Nullable<Double>,
        toelichting -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        versie -> Integer,
    }
}

diesel::table! {
    mails (id) {
        id -> Text,
        samenwerkingsverband_id -> Nullable<Text>,
        aan -> Text,
        onderwerp -> Text,
        soort -> Text,
        tekst -> Text,
        html -> Text,
        agenda -> Nullable<Text>,
        status -> Text,
        pogingen -> Integer,
        laatste_fout -> Nullable<Text>,
        volgende_poging -> Timestamp,
        verzonden_op -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    wachtwoord_tokens (id) {
        id -> Text,
        gebruiker_id -> Text,
        token_hash -> Text,
        soort -> Text,
        verloopt_op -> Timestamp,
        gebruikt_op -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(schoolbesturen -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(werkgebieden -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(scholen -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(scholen -> schoolbesturen (schoolbestuur_id));
diesel::joinable!(scholen -> gemeenten (gemeente_id));
diesel::joinable!(scholen -> werkgebieden (werkgebied_id));
diesel::joinable!(scholen -> gebruikers (consulent_id));
diesel::joinable!(gebruikers -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(clients -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(client_gemeenten -> clients (client_id));
diesel::joinable!(client_gemeenten -> gemeenten (gemeente_id));
diesel::joinable!(client_schoolbesturen -> clients (client_id));
diesel::joinable!(client_schoolbesturen -> schoolbesturen (schoolbestuur_id));
diesel::joinable!(refresh_tokens -> gebruikers (gebruiker_id));
diesel::joinable!(wachtwoord_tokens -> gebruikers (gebruiker_id));
diesel::joinable!(mails -> samenwerkingsverbanden (samenwerkingsverband_id));

diesel::joinable!(ondersteuningsplannen -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(ambities -> ondersteuningsplannen (ondersteuningsplan_id));
diesel::joinable!(activiteitenplannen -> ondersteuningsplannen (ondersteuningsplan_id));
diesel::joinable!(portefeuilles -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(portefeuille_eigenaren -> portefeuilles (portefeuille_id));
diesel::joinable!(portefeuille_eigenaren -> gebruikers (gebruiker_id));
diesel::joinable!(portefeuille_ambities -> portefeuilles (portefeuille_id));
diesel::joinable!(portefeuille_ambities -> ambities (ambitie_id));
diesel::joinable!(projecten -> portefeuilles (portefeuille_id));
diesel::joinable!(project_ambities -> projecten (project_id));
diesel::joinable!(project_ambities -> ambities (ambitie_id));
diesel::joinable!(project_scholen -> projecten (project_id));
diesel::joinable!(project_scholen -> scholen (school_id));
diesel::joinable!(project_financiering -> projecten (project_id));
diesel::joinable!(voortgangsverslagen -> projecten (project_id));
diesel::joinable!(activiteiten -> activiteitenplannen (activiteitenplan_id));
diesel::joinable!(activiteiten -> ambities (ambitie_id));
diesel::joinable!(activiteiten -> portefeuilles (portefeuille_id));
diesel::joinable!(activiteiten -> projecten (project_id));
diesel::joinable!(activiteiten -> gebruikers (verantwoordelijke_id));
diesel::joinable!(evaluaties -> activiteiten (activiteit_id));

diesel::joinable!(bijeenkomsten -> activiteiten (activiteit_id));
diesel::joinable!(bijeenkomsten -> projecten (project_id));
diesel::joinable!(bijeenkomsten -> portefeuilles (portefeuille_id));
diesel::joinable!(aanmeldingen -> bijeenkomsten (bijeenkomst_id));
diesel::joinable!(aanmeldingen -> scholen (school_id));

diesel::joinable!(leerlingen -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(leerlingen -> gemeenten (woongemeente_id));
diesel::joinable!(leerlingen -> scholen (school_id));
diesel::joinable!(auditregels -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(auditregel_leerlingen -> auditregels (auditregel_id));

diesel::joinable!(arrangementen -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(arrangementen -> leerlingen (leerling_id));
diesel::joinable!(arrangementen -> scholen (school_id));
diesel::joinable!(arrangementen -> werkgebieden (werkgebied_id));
diesel::joinable!(budgetten -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(budgetten -> werkgebieden (werkgebied_id));
diesel::joinable!(mdos -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(mdos -> scholen (school_id));
diesel::joinable!(mdos -> leerlingen (leerling_id));

diesel::joinable!(tlvs -> leerlingen (leerling_id));
diesel::joinable!(tlv_bezwaren -> tlvs (tlv_id));
diesel::joinable!(tlv_adviezen -> tlvs (tlv_id));
diesel::joinable!(tlv_opschortingen -> tlvs (tlv_id));
diesel::joinable!(tlv_eerdere_besluiten -> tlvs (tlv_id));
diesel::joinable!(thuiszitters -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(thuiszitters -> leerlingen (leerling_id));
diesel::joinable!(thuiszitters -> scholen (school_id));
diesel::joinable!(thuiszitter_verloop -> thuiszitters (thuiszitter_id));
diesel::joinable!(schoolcontacten -> scholen (school_id));
diesel::joinable!(schoolcontacten -> gebruikers (consulent_id));
diesel::joinable!(thuiszitter_peildata -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(thuiszitter_peildata -> gebruikers (vastgesteld_door_id));

// What an activity's meetings measured is one grouped count over meetings and registrations.
diesel::allow_columns_to_appear_in_same_group_by_clause!(
    bijeenkomsten::activiteit_id,
    bijeenkomsten::id,
    bijeenkomsten::doelgroep_omvang,
    aanmeldingen::aanwezig,
);

diesel::joinable!(kengetallen -> samenwerkingsverbanden (samenwerkingsverband_id));
diesel::joinable!(kengetal_waarden -> kengetallen (kengetal_id));

diesel::allow_tables_to_appear_in_same_query!(
    samenwerkingsverbanden,
    mails,
    wachtwoord_tokens,
    gemeenten,
    schoolbesturen,
    werkgebieden,
    scholen,
    gebruikers,
    clients,
    client_gemeenten,
    client_schoolbesturen,
    refresh_tokens,
    login_failures,
    ondersteuningsplannen,
    ambities,
    activiteitenplannen,
    portefeuilles,
    portefeuille_eigenaren,
    portefeuille_ambities,
    projecten,
    project_ambities,
    project_scholen,
    project_financiering,
    voortgangsverslagen,
    activiteiten,
    evaluaties,
    bijeenkomsten,
    aanmeldingen,
    leerlingen,
    auditregels,
    auditregel_leerlingen,
    arrangementen,
    budgetten,
    mdos,
    tlvs,
    tlv_bezwaren,
    tlv_adviezen,
    tlv_opschortingen,
    tlv_eerdere_besluiten,
    thuiszitters,
    thuiszitter_verloop,
    thuiszitter_peildata,
    schoolcontacten,
    kengetallen,
    kengetal_waarden,
);
