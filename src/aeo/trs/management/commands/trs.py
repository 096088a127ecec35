"""`aeo trs compare|report|generate`: a thin argparse layer over aeo.trs.engine."""

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aeo.trs import engine
from aeo.trs.engine.backends import BACKENDS


def _period(text: str) -> engine.Period:
    try:
        return engine.Period.parse(text)
    except engine.TrsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r}: expected YYYY-MM-DD") from exc


def _columns(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.split(",") if c.strip())


class Command(BaseCommand):
    help = "Time Release Study: compare periods, report release times, generate test data."
    requires_system_checks: list[str] = []  # works on files, not on the database

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)

        compare = sub.add_parser("compare", help="release times before and after an MRA")
        self._input(compare)
        compare.add_argument("--importing", required=True, help="importing economy, e.g. TW")
        compare.add_argument("--partner", required=True, help="partner economy, e.g. JP")
        compare.add_argument("--before", required=True, type=_period, help="YYYY-MM-DD:YYYY-MM-DD")
        compare.add_argument("--after", required=True, type=_period, help="YYYY-MM-DD:YYYY-MM-DD")
        compare.add_argument(
            "--all-consignors", action="store_true", help="not only AEO consignors"
        )
        self._output(compare, formats=engine.FORMATS)

        report = sub.add_parser("report", help="release times per group (bottleneck view)")
        self._input(report)
        report.add_argument("--importing", help="importing economy")
        report.add_argument("--partner", help="partner economy")
        report.add_argument("--from", dest="start", type=_day, help="first date, YYYY-MM-DD")
        report.add_argument("--to", dest="end", type=_day, help="last date, YYYY-MM-DD")
        report.add_argument(
            "--by",
            type=_columns,
            default=("transport_mode",),
            help=f"comma-separated, from {','.join(engine.BY_COLUMNS)} (default transport_mode)",
        )
        self._output(report, formats=engine.FORMATS)

        generate = sub.add_parser("generate", help="write a synthetic declarations file")
        generate.add_argument("--rows", type=int, required=True)
        generate.add_argument("--out", type=Path, required=True, help=".parquet or .csv")
        generate.add_argument("--seed", type=int, default=0)

    @staticmethod
    def _input(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--input", type=Path, required=True, help=".csv or .parquet file")
        parser.add_argument("--backend", choices=BACKENDS, default="duckdb")

    @staticmethod
    def _output(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
        parser.add_argument("--format", choices=formats, default="text")
        parser.add_argument("--output", type=Path, help="write to this file instead of stdout")
        parser.add_argument(
            "--lang", choices=("en", "ja"), default="en", help="language of the HTML report"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._run(options)
        except engine.TrsError as exc:
            raise CommandError(str(exc), returncode=2) from exc

    def _run(self, options: dict[str, Any]) -> None:
        subcommand = options["subcommand"]
        if subcommand == "generate":
            out = engine.generate(options["out"], options["rows"], seed=options["seed"])
            self.stderr.write(f"wrote {options['rows']} declarations to {out}")
            return
        html = options["format"] == "html"
        con = engine.connect(options["backend"])
        if subcommand == "compare":
            result: engine.Comparison | engine.Report = engine.compare(
                options["input"],
                importing=options["importing"],
                partner=options["partner"],
                before=options["before"],
                after=options["after"],
                all_consignors=options["all_consignors"],
                distributions=html,
                con=con,
            )
        else:
            result = engine.report(
                options["input"],
                importing=options["importing"],
                partner=options["partner"],
                start=options["start"],
                end=options["end"],
                by=options["by"],
                distributions=html,
                con=con,
            )
        text = engine.render(result, options["format"], options["lang"])
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8")
            self.stderr.write(
                f"wrote the {subcommand} ({options['format']}) to {options['output']}"
            )
        else:
            self.stdout.write(text, ending="")
