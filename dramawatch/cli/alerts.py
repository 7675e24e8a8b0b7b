"""The ``alerts`` and ``rules`` command groups: list, retry and dispatch alerts; test rules."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from alerts import UnknownTargetError, dispatch_pending
from dramawatch.cli.context import Context, pass_context
from dramawatch.explain import Explanation, explain
from dramawatch.output import format_option, write_rows
from storage.models import utcnow
from storage.shapes import alert_json, iso

if TYPE_CHECKING:
    from alerts import DispatchReport
    from storage import Transaction

ALERT_COLUMNS = ("id", "rule", "kind", "channel", "status", "attempts", "created_at", "title")
RULE_COLUMNS = ("rule", "kind", "about", "fires", "reason")
STATUSES = ("pending", "delivered", "failed")
SHORT_ID = 8


@click.group("alerts", invoke_without_command=True)
@click.option("--status", type=click.Choice(STATUSES), help="Only deliveries in this state.")
@format_option()
@click.pass_context
@pass_context
def alerts_group(ctx: Context, click_ctx: click.Context, status: str | None, fmt: str) -> None:
    """List alerts and their delivery state, one row per (alert, channel).

    Example: dramawatch alerts --status failed --format json
    """
    if click_ctx.invoked_subcommand is not None:
        return
    with ctx.store.transaction() as tx:
        rows = [alert_json(delivery) for delivery in tx.alerts.deliveries(status)]
    if fmt == "table":  # the short id, which every command accepts, fits on one line
        rows = [{**row, "id": row["id"][:SHORT_ID]} for row in rows]
    write_rows(rows, fmt, ALERT_COLUMNS, title=f"{len(rows)} deliveries")


@alerts_group.command("retry")
@click.argument("ids", nargs=-1)
@click.option("--failed", "all_failed", is_flag=True, help="Every failed delivery.")
@pass_context
def retry(ctx: Context, ids: tuple[str, ...], all_failed: bool) -> None:
    """Make deliveries pending again (attempts are kept) and dispatch them now.

    IDS are delivery ids (the short ids `dramawatch alerts` shows, or any unique beginning)
    or alert ids (all of that alert's deliveries).

    Example: dramawatch alerts retry --failed
    """
    if not ids and not all_failed:
        raise click.UsageError("give delivery or alert ids (see `dramawatch alerts`) or --failed")
    store = ctx.store
    with store.transaction(write=True) as tx:
        chosen = _resolve(tx, ids)
        for line in _not_retried(tx, chosen):
            click.echo(line)
        count = tx.alerts.retry(chosen, failed=all_failed, now=utcnow())
        tx.commit()
    click.echo(f"{count} deliveries pending again")
    if count:
        _echo_report(dispatch_pending(store, ctx.config))


def _resolve(tx: Transaction, ids: Sequence[str]) -> list[str]:
    resolved: list[str] = []
    for given in ids:
        if given.isdigit() and len(given) < SHORT_ID:
            of_alert = tx.alerts.delivery_ids_of_alert(int(given))
        else:
            of_alert = tx.alerts.find_ids(given.strip().lower())
        if len(of_alert) > 1 and not given.isdigit():
            raise click.BadParameter(
                f"{given!r} is the beginning of {len(of_alert)} delivery ids; give more of it",
                param_hint="IDS",
            )
        if not of_alert:
            raise click.BadParameter(
                f"no delivery or alert {given!r}; list them with `dramawatch alerts`",
                param_hint="IDS",
            )
        resolved += of_alert
    return resolved


def _not_retried(tx: Transaction, ids: Sequence[str]) -> list[str]:
    """Why a chosen delivery stays as it is: it was delivered already."""
    lines = []
    for delivery in filter(None, map(tx.alerts.get, ids)):
        if delivery.status == "delivered":
            when = iso(delivery.delivered_at) or "earlier"
            lines.append(
                f"{delivery.id[:SHORT_ID]} ({delivery.alert.rule} to {delivery.channel}) was "
                f"delivered at {when[:19]}: nothing to retry"
            )
    return lines


@alerts_group.command("dispatch")
@format_option("table", "json")
@pass_context
def dispatch(ctx: Context, fmt: str) -> None:
    """Send every delivery that is due now (the crawl and the daemon do this too).

    Example: dramawatch alerts dispatch
    """
    report = dispatch_pending(ctx.store, ctx.config)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        _echo_report(report)


def _echo_report(report: DispatchReport) -> None:
    click.echo(
        f"delivered {len(report.delivered)}, retrying {len(report.retrying)}, "
        f"failed {len(report.failed)}"
    )


@click.group("rules")
def rules_group() -> None:
    """Inspect alert rules.

    Example: dramawatch rules test saved-notice.html --source nrta-notices
    """


@rules_group.command("test")
@click.argument("target")
@click.option("--source", help="Treat a local file as coming from this configured source.")
@format_option()
@pass_context
def test_rules(ctx: Context, target: str, source: str | None, fmt: str) -> None:
    """Show which rules would fire on an article and why; nothing is written or sent.

    TARGET is a stored article id, a stored article URL or a saved HTML file. A stored
    article is judged as the crawl judged it, against what was stored then; each metric row
    names its figure.

    Example: dramawatch rules test 42
    """
    try:
        explanation = explain(ctx.store, ctx.config, target, source=source)
    except UnknownTargetError as exc:
        raise click.BadParameter(str(exc), param_hint="TARGET") from None
    article = explanation.article
    title = f"{article.title or '(untitled)'} <{article.url}>"
    write_rows(_verdict_rows(explanation), fmt, RULE_COLUMNS, title=title)


def _verdict_rows(explanation: Explanation) -> list[dict[str, Any]]:
    rows = []
    for verdict in explanation.verdicts:
        key = verdict.draft.dedupe_key if verdict.draft else None
        rows.append(
            {
                "rule": verdict.rule,
                "kind": verdict.kind,
                "about": verdict.details.get("figure") or verdict.details.get("when"),
                "fires": verdict.fired,
                "reason": verdict.reason,
                "details": verdict.details,
                "dedupe_key": key,
                "already_alerted": key in explanation.already_alerted,
            }
        )
    return rows
