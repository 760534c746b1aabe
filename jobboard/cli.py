"""The ``jobboard`` command: serve, migrate, accounts, data loading, search index, exports and upkeep."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from sqlmodel import Session

from jobboard.core.db import create_db_engine, open_session
from jobboard.core.files import keep_files_private
from jobboard.core.settings import SERVE_ADDRESS_VARIABLE, get_settings
from jobboard.exports.commands import export_applicants
from jobboard.mail.commands import send_mail
from jobboard.notifications.commands import send_digests_command


@contextmanager
def db_session() -> Iterator[Session]:
    """A session for one command; afterwards the search index applies what the command committed."""
    settings = get_settings()
    engine = create_db_engine(settings.database_url)
    try:
        with open_session(engine) as session:
            yield session
        from jobboard.search.index.indexer import JobIndexer

        JobIndexer(settings, engine).drain()
    finally:
        engine.dispose()


@click.group()
def jobboard() -> None:
    """光博会人才招聘会 job board / 光电尖端人才招聘会求职平台."""
    keep_files_private()


@jobboard.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int)
@click.option("--reload", is_flag=True, help="Restart when the code changes (development).")
def serve(host: str, port: int, workers: int, reload: bool) -> None:
    """Serve the board with Uvicorn."""
    import uvicorn

    from jobboard.core.logging import configure_logging

    # The supervisor's lines in the board's format (JSON or text, redacted); each worker configures the
    # same when it builds the app, before Uvicorn logs anything there.
    # Workers build their own settings: this says where they are served, so that its host and port are
    # allowed hosts (and links point there) without a base URL; spawned workers inherit the environment.
    os.environ[SERVE_ADDRESS_VARIABLE] = f"{host}:{port}"
    get_settings.cache_clear()
    configure_logging(get_settings().log_format)
    uvicorn.run(
        "jobboard.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        # X-Forwarded-For is read by the board only from JOBBOARD_TRUSTED_PROXIES (web/ratelimit.py), and
        # the board writes its own access lines without addresses or query strings (web/request_log.py).
        proxy_headers=False,
        access_log=False,
        log_config=None,  # Uvicorn's own dictConfig would replace the board's handler
    )


@jobboard.command()
@click.option("--revision", default="head", show_default=True)
def migrate(revision: str) -> None:
    """Bring the database schema up to date (Alembic)."""
    from jobboard.migrations.runner import upgrade

    upgrade(revision)
    click.echo(f"database at {revision}")


@jobboard.command("create-staff")
@click.argument("email")
@click.password_option()
def create_staff(email: str, password: str) -> None:
    """Create a fair-staff account."""
    from jobboard.accounts.services import AccountService
    from jobboard.core.errors import InvalidInput
    from jobboard.core.i18n import locale_scope
    from jobboard.web.messages import field_error_text

    try:
        with db_session() as session:
            user = AccountService(session).create_staff(email, password)
    except InvalidInput as error:  # an address that is not one, a short or a common password
        with locale_scope("en"):
            problems = [f"{name}: {field_error_text(name, code)}" for name, code in error.errors.items()]
        raise click.UsageError(" ".join(problems)) from None
    click.echo(f"staff account {user.email} created")


@jobboard.command("demo-data")
def demo_data() -> None:
    """Load demo firms, jobs, accounts and applications (only into a board without firms)."""
    from jobboard.demo.loader import load_demo_data

    with db_session() as session:
        summary = load_demo_data(session, get_settings())
    click.echo(summary)


@jobboard.command("demo-accounts")
def demo_accounts() -> None:
    """Print the demo board's sign-ins (what `jobboard demo-data` creates); `make run` shows them."""
    from jobboard.demo.sign_ins import demo_sign_ins

    click.echo(f"sign in at {get_settings().base_url.rstrip('/')}/login (email / password):")
    for sign_in in demo_sign_ins():
        click.echo(sign_in.line())


jobboard.add_command(send_mail)
jobboard.add_command(export_applicants)
jobboard.add_command(send_digests_command)


@jobboard.command()
def reindex() -> None:
    """Rebuild the search index from the database."""
    from jobboard.search.index.indexer import rebuild_index

    count = rebuild_index(get_settings(), show_progress=True)
    click.echo(f"indexed {count} public jobs")


@jobboard.command("check-index")
def check_index_command() -> None:
    """Compare the search index with the public jobs in the database."""
    from jobboard.search.index.indexer import check_index

    report = check_index(get_settings())
    click.echo(str(report))
    if not report.ok:
        raise SystemExit(1)


@jobboard.command("expire-jobs")
def expire_jobs() -> None:
    """Expire the published jobs whose deadline has passed (run daily; the search already hides them)."""
    from jobboard.jobs.services import JobService

    with db_session() as session:
        count = JobService(session).expire_past_deadline()
    click.echo(f"expired {count} jobs past their deadline")


@jobboard.command("sweep-resumes")
def sweep_resumes() -> None:
    """Remove resume files no application keeps, older than an hour (left by interrupted applications, or
    by withdrawals whose file deletion was interrupted)."""
    from jobboard.applications.resumes import ResumeStore
    from jobboard.applications.services import kept_resume_keys

    settings = get_settings()
    engine = create_db_engine(settings.database_url)
    try:
        with open_session(engine) as session:
            known = kept_resume_keys(session)
    finally:
        engine.dispose()
    removed = ResumeStore(settings.upload_dir).sweep_orphans(known)
    click.echo(f"removed {removed} resume files no application refers to")


@jobboard.command("import-jobs")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--skip-invalid", is_flag=True, help="Import the good rows even if some rows are bad.")
@click.option(
    "--same-firm",
    "same_firms",
    multiple=True,
    metavar="NAME=EXISTING",
    help="The table's company NAME is the board's company EXISTING: import its rows there. Repeatable.",
)
@click.option(
    "--new-firms",
    is_flag=True,
    help="Create a new company for every name that is only similar to an existing company's.",
)
def import_jobs(path: Path, skip_invalid: bool, same_firms: tuple[str, ...], new_firms: bool) -> None:
    """Import a job table (.csv, .xlsx or .jsonl).

    A company name the board does not know but that is near an existing company's (an abbreviation such
    as 中科院长春光机所, or a typo) is a problem line: say what it is with --same-firm or --new-firms.
    """
    from jobboard.companies.services import CompanyService
    from jobboard.imports.firms import FirmChoices
    from jobboard.imports.services import ImportService

    with db_session() as session:
        answers: dict[str, int | None] = {}
        for pair in same_firms:
            name, _, existing = pair.partition("=")
            firm = CompanyService(session).find_by_name(existing.strip())
            if not name.strip() or firm is None:
                raise click.UsageError(f"--same-firm {pair}: give NAME=EXISTING with a company on the board")
            answers[name.strip()] = firm.id
        firms = FirmChoices(answers, all_new=new_firms)
        report = ImportService(session).import_file(
            path, skip_invalid=skip_invalid, show_progress=True, firms=firms
        )
    for problem in report.problems:
        where = f"{path.name}:{problem.line}: {problem.column}" if problem.line else path.name
        click.echo(f"{where}: {problem.message('en')}", err=True)
    if report.firm_matches:
        click.echo(
            "similar company names: settle each with --same-firm NAME=EXISTING or --new-firms", err=True
        )
    click.echo(f"created {report.created}, updated {report.updated}, bad rows {len(report.bad_lines)}")
    if report.problems and not report.imported:
        raise SystemExit(1)
