//! The `koers` binary: serve (default), migrate, openapi, demo, synth, opschonen.

use std::process::ExitCode;

use actix_web::web;
use clap::{Parser, Subcommand};

use koers::config::Config;
use koers::db::Db;
use koers::state::AppState;

#[derive(Parser)]
#[command(
    name = "koers",
    version,
    about = "Koers: planning en verantwoording voor samenwerkingsverbanden passend onderwijs"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the server (the default).
    Serve,
    /// Run pending database migrations and stop.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Load the demo data (idempotent) and stop.
    Demo,
    /// Anonymise the pupils whose retention period has ended, print what was done and stop
    /// (the server does this once a day).
    Opschonen,
    /// Fill an empty database with national-scale synthetic data for benchmarks.
    Synth {
        /// How many samenwerkingsverbanden (all other numbers scale with it).
        #[arg(long, default_value_t = 150)]
        swvs: u32,
        /// The same seed gives the same data.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,actix_web=warn")),
        )
        .with_target(false)
        .init();
}

fn open_db(config: &Config) -> Result<Db, String> {
    let db = Db::connect(&config.database_url, config.pool_size)?;
    db.migrate()?;
    Ok(db)
}

fn bootstrap_admin(db: &Db, config: &Config) -> Result<(), String> {
    let (Some(email), Some(pw)) = (&config.admin_email, &config.admin_password) else {
        return Ok(());
    };
    let email = email.trim().to_lowercase();
    let hash = koers::secrets::hash(pw);
    let created = db
        .write_blocking(|c| {
            koers::org::store::gebruikers::bootstrap_platformbeheerder(c, &email, &hash)
        })
        .map_err(|e| format!("bootstrap: {}", e.detail))?;
    if created {
        tracing::info!(email = %email, "platformbeheerder aangemaakt");
    }
    Ok(())
}

fn print_demo(summary: &koers::demo::Summary) {
    println!(
        "Demo-aanmeldingen (wachtwoord voor allemaal: {}):",
        koers::demo::DEMO_PASSWORD
    );
    for (rol, email, swv) in &summary.logins {
        println!("  {rol:<18} {email:<34} {swv}");
    }
}

fn print_synth(summary: &koers::synth::Summary) {
    println!(
        "Synthetische gegevens geschreven in {:.1} s:",
        summary.seconds
    );
    for (table, n) in &summary.rows {
        println!("  {table:<24} {n:>10}");
    }
    println!(
        "Inloggen (wachtwoord voor allemaal: {}):",
        koers::synth::SYNTH_PASSWORD
    );
    for (rol, email, swv) in &summary.logins {
        println!("  {rol:<18} {email:<34} {swv}");
    }
}

fn print_opschonen(done: &[koers::leerlingen::store::opschonen::Opgeschoond]) {
    println!("Bewaartermijn toegepast:");
    for o in done {
        println!(
            "  {:<48} {:>2} jaar  {:>6} leerling(en) geanonimiseerd",
            o.samenwerkingsverband, o.bewaartermijn_jaren, o.geanonimiseerd
        );
    }
}

fn run() -> Result<(), String> {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve) {
        Command::Openapi => {
            print!("{}", koers::openapi::document_json());
            Ok(())
        }
        Command::Migrate => {
            init_tracing();
            let config = Config::from_env()?;
            open_db(&config)?;
            println!("Database bijgewerkt.");
            Ok(())
        }
        Command::Demo => {
            init_tracing();
            let config = Config::from_env()?;
            let db = open_db(&config)?;
            print_demo(&koers::demo::load(&db)?);
            Ok(())
        }
        Command::Opschonen => {
            init_tracing();
            let config = Config::from_env()?;
            let db = open_db(&config)?;
            print_opschonen(&koers::leerlingen::opschonen(&db).map_err(|e| e.detail.clone())?);
            Ok(())
        }
        Command::Synth { swvs, seed } => {
            init_tracing();
            let config = Config::from_env()?;
            let db = open_db(&config)?;
            print_synth(&koers::synth::run(&db, swvs, seed)?);
            Ok(())
        }
        Command::Serve => {
            init_tracing();
            let config = Config::from_env()?;
            let db = open_db(&config)?;
            bootstrap_admin(&db, &config)?;
            if config.demo {
                print_demo(&koers::demo::load(&db)?);
            }
            let bind = config.bind;
            let metrics_bind = config.metrics_bind;
            let sender = koers::mail::sender::Sender::new(&config)?;
            let state = web::Data::new(AppState::new(config, db)?);
            println!("Koers draait op http://{bind}/  (API: http://{bind}/api/v1/docs/)");
            if let Some(m) = metrics_bind {
                println!("Metrics op http://{m}/metrics");
            }
            actix_web::rt::System::new()
                .block_on(async move {
                    actix_web::rt::spawn(koers::leerlingen::opschonen_daily(state.db.clone()));
                    actix_web::rt::spawn(sender.run(state.db.clone()));
                    actix_web::rt::spawn(koers::bijeenkomsten::herinneringen(state.db.clone()));
                    actix_web::rt::spawn(koers::monitor::bijhouden(state.db.clone()));
                    let serving = koers::serve(state)?;
                    let metrics = serving.metrics.map(|m| {
                        let handle = m.handle();
                        actix_web::rt::spawn(m);
                        handle
                    });
                    let result = serving.api.await;
                    if let Some(m) = metrics {
                        m.stop(true).await;
                    }
                    result
                })
                .map_err(|e| format!("server: {e}"))
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("koers: {e}");
            ExitCode::FAILURE
        }
    }
}
